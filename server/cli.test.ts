import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { newPglite } from "./db/client";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

async function cli(dataDir: string, ...args: string[]) {
  try {
    const { stdout } = await run(tsx, ["server/cli.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("command line (embedded database)", () => {
  it("loads the demo, verifies the audit chain, detects tampering, backs up and restores", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sinergi-cli-"));
    const demo = await cli(dir, "demo");
    expect(demo.code).toBe(0);
    expect(demo.out).toContain("Demo loaded: Pemerintah Provinsi Bali.");
    expect(demo.out).toMatch(/coordinator\s+koordinator@baliprov\.demo/);
    expect((await cli(dir, "demo")).out).toContain("Demo already present.");

    const admin = await cli(dir, "create-admin", "--email", "admin.baru@baliprov.go.id", "--name", "Admin Baru");
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/accept-invitation\?token=\S+/);
    const weak = await cli(dir, "create-admin", "--email", "x@baliprov.go.id", "--name", "X", "--password", "bali12345");
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/too weak/);

    const ok = await cli(dir, "audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit chain intact: 2 entries verified/);

    const backupFile = path.join(dir, "cadangan.tar.gz");
    const backup = await cli(dir, "backup", backupFile);
    expect(backup.code).toBe(0);
    expect(existsSync(backupFile)).toBe(true);

    const db = newPglite(path.join(dir, "db"));
    // The database refuses edits; an owner who switches the guard off is still caught by the chain.
    await expect(db.query("update audit_log set action = 'demo.hapus' where seq = 1")).rejects.toThrow(/append-only/);
    await db.exec("alter table audit_log disable trigger audit_log_append_only");
    await db.query("update audit_log set action = 'demo.hapus' where seq = 1");
    await db.close();
    const broken = await cli(dir, "audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("Audit chain BROKEN at entry #1: row content changed");

    const restore = await cli(dir, "restore", backupFile);
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/The previous database was kept at/);
    expect((await cli(dir, "audit", "verify")).code).toBe(0);
  }, 120_000);

  it("starts, answers /readyz, and shuts down gracefully on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sinergi-start-"));
    const port = 31_000 + Math.floor(Math.random() * 2000);
    // Node itself runs main.ts (as `npm start` does): the tsx CLI would relay the signal and, when
    // the child's event loop is busy at start-up, kill it instead of letting it shut down.
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: "info", DATABASE_URL: "" },
    });
    let log = "";
    child.stdout.on("data", (d) => {
      log += d;
    });
    let ready = 0;
    for (let i = 0; i < 150 && ready !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(ready).toBe(200);
    expect(log).toContain("npm run sinergi -- create-admin");
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(log).toContain("shutting down");
  }, 60_000);
});
