import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runToneStream } from "./tone-cli";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

function runCli(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "server/cli.ts", "tone"], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm run sinergi -- tone", () => {
  it("prints one label per input line", async () => {
    const { code, stdout, stderr } = await runCli(
      "Pelayanan di puskesmas ini sangat memuaskan, petugasnya ramah\r\nJalan rusak parah dan pemerintah tidak peduli\n\nDinas Kominfo mengumumkan jadwal pendaftaran beasiswa dibuka mulai 1 Maret.",
    );
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    expect(stdout).toBe("positive\nnegative\nneutral\nneutral\n");
    // Generous: npx + tsx start-up is about 2 s on an idle machine, far more on a loaded CI box.
  }, 60_000);

  it("streams large inputs through in order, flushing everything", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (d) => {
      text += d;
    });
    const lines = 20_000;
    const done = runToneStream(input, output);
    for (let i = 0; i < lines; i++) input.write(i % 2 ? "tidak enak sama sekali\n" : "enak sekali\n");
    input.end();
    expect(await done).toBe(lines);
    const labels = text.trimEnd().split("\n");
    expect(labels).toHaveLength(lines);
    expect(labels.slice(0, 4)).toEqual(["positive", "negative", "positive", "negative"]);
  });
});
