import type { ConnectorDeps } from "./connector";
import { call, type FilePart, jsonOf, multipart, unreadable } from "./http";
import { cleanDetail, PlatformError } from "./platform-error";

/**
 * Facebook Graph API calls shared by the Facebook Page and Instagram connectors. The token goes
 * in the body of POSTs and the query of GETs, as the Graph API documents it.
 */
export interface GraphCall {
  method?: "GET" | "POST";
  params?: Record<string, string | number | boolean | object>;
  files?: FilePart[];
  critical?: boolean;
}

/** Graph error codes (developers.facebook.com/docs/graph-api/guides/error-handling). */
function classify(status: number, error: Record<string, any> | undefined) {
  const code = Number(error?.code);
  if (code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299) || status === 401) return "auth" as const;
  if ([4, 17, 32, 613].includes(code) || (code >= 80000 && code <= 80014) || status === 429) return "rate_limited" as const;
  if (code === 1 || code === 2 || error?.is_transient === true || status >= 500) return "unavailable" as const;
  if (status === 403) return "auth" as const;
  return "rejected" as const;
}

function explain(error: Record<string, any> | undefined): string {
  const code = Number(error?.code);
  if (code === 190) return "token kedaluwarsa atau dicabut";
  if (code === 10 || (code >= 200 && code <= 299)) return "izin aplikasi untuk Halaman/akun ini kurang";
  if (code === 368) return "diblokir sementara oleh platform karena dianggap melanggar kebijakan";
  if (code === 9004 || code === 36003) return "gambar tidak dapat diambil atau rasionya tidak didukung";
  if (code === 100) return `parameter tidak valid${error?.message ? ` (${cleanDetail(error.message)})` : ""}`;
  return cleanDetail(error?.error_user_msg ?? error?.message);
}

export async function graph(deps: ConnectorDeps, label: string, token: string, path: string, opts: GraphCall = {}) {
  const method = opts.method ?? "GET";
  const base = deps.env.GRAPH_API_URL.replace(/\/$/, "");
  const url = new URL(`${base}/${path.replace(/^\//, "")}`);
  const params = { ...opts.params, access_token: token };
  let body: Buffer | string | undefined;
  let contentType: string | undefined;
  if (method === "GET") {
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, typeof v === "object" ? JSON.stringify(v) : String(v));
  } else if (opts.files?.length) {
    const fields = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]));
    ({ body, contentType } = await multipart(fields, opts.files));
  } else {
    body = JSON.stringify(params);
    contentType = "application/json";
  }
  const res = await call(deps, label, url.toString(), {
    method,
    headers: contentType ? { "content-type": contentType } : {},
    body,
    critical: opts.critical,
    timeoutMs: opts.files?.length ? 120_000 : 30_000,
  });
  const json = jsonOf(res);
  if (res.status >= 200 && res.status < 300) {
    if (Object.keys(json).length === 0) throw unreadable(label, Boolean(opts.critical));
    return json;
  }
  const kind = classify(res.status, json.error);
  const outcome = kind === "unavailable" && opts.critical ? "unknown" : "not_posted";
  throw new PlatformError(kind, label, explain(json.error) || `kode ${res.status}`, outcome);
}

export const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Text as the platform returns it, for matching a post we may already have made. */
export const sameText = (a: unknown, b: string) => typeof a === "string" && a.trim() === b.trim();
