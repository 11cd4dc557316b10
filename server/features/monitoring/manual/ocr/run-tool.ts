import { execFile } from "node:child_process";

/** Why an external tool (tesseract, pdfinfo, pdftoppm) did not give an answer. */
export class ToolError extends Error {
  constructor(
    readonly reason: "missing" | "timeout" | "failed",
    readonly tool: string,
    readonly stderr = "",
  ) {
    super(`${tool}: ${reason}${stderr ? ` (${stderr.slice(0, 200)})` : ""}`);
    this.name = "ToolError";
  }
}

/**
 * Runs a program without a shell (arguments are never parsed, so a file name cannot inject
 * anything), killed after `timeoutMs`. Resolves with stdout; a missing binary, a timeout and
 * a non-zero exit are told apart, because the first means "OCR is not installed" (503) and the
 * others "this file could not be read".
 */
export function runTool(bin: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      {
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 32 * 1024 * 1024,
        encoding: "utf8",
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (e.code === "ENOENT" || e.code === "EACCES") return reject(new ToolError("missing", bin));
        if (e.killed || e.signal === "SIGKILL") return reject(new ToolError("timeout", bin));
        reject(new ToolError("failed", bin, String(stderr ?? "").trim()));
      },
    );
  });
}
