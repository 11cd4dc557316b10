// Runs before `npm start`: builds the staff app when dist/app is missing or older than its
// sources, so that `npm install && npm start` works on a fresh clone without a separate build.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const index = path.join(root, "dist/app/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(root, "app")),
  newest(path.join(root, "common")),
  statSync(path.join(root, "vite.config.ts")).mtimeMs,
);
if (!existsSync(index) || statSync(index).mtimeMs < sources) {
  console.log("Building the staff app (dist/app)…");
  execFileSync(path.join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
}
