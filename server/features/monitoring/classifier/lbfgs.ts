/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives
 * such as L2-regularised softmax regression. Full-batch and deterministic: the same data and
 * settings give the same weights on every machine, which SGD's shuffles make harder to promise.
 */

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when ‖g‖ ≤ tolerance · max(1, ‖x‖). */
  tolerance: number;
  memory?: number;
  onIteration?: (iteration: number, value: number) => void;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

export function minimizeLbfgs(f: Objective, x: Float64Array, opts: LbfgsOptions): { value: number; iterations: number } {
  const m = opts.memory ?? 8;
  const n = x.length;
  const g = new Float64Array(n);
  let fx = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iter = 0;
  for (; iter < opts.maxIterations; iter++) {
    if (Math.sqrt(dot(g, g)) <= opts.tolerance * Math.max(1, Math.sqrt(dot(x, x)))) break;
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], d);
      const yk = y[k];
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * yk[i];
    }
    if (s.length) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      const norm = Math.sqrt(dot(d, d)) || 1;
      for (let i = 0; i < n; i++) d[i] /= norm;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], d);
      const sk = s[k];
      for (let i = 0; i < n; i++) d[i] += (alpha[k] - beta) * sk[i];
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (curvature pairs went stale): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break; // no progress possible at this precision
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    opts.onIteration?.(iter, fx);
  }
  return { value: fx, iterations: iter };
}
