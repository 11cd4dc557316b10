import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeServices, createServices } from "./bootstrap";
import { loadEnv } from "./env";
import { verifyAuditChain } from "./features/audit/verify-audit-chain";
import { passwordWeakness } from "./features/auth/password-strength";
import { createLogger } from "./logger";
import { backupEmbedded, restoreEmbedded } from "./setup/backup";
import { createAdmin } from "./setup/create-admin";
import { loadDemo } from "./setup/demo";

const HELP = `Sinergi command line

  npm run sinergi -- create-admin --email EMAIL --name "NAME" [--password PASS] [--region KODE] [--organization "NAMA"]
        Creates an administrator. Without --password it prints a one-time setup link.
        When the organization tree is empty, --region (e.g. 51 for Bali) creates the top organization.
  npm run sinergi -- demo               Loads the Bali demo and prints its logins.
  npm run sinergi -- audit verify       Checks the audit hash chain; reports the first broken link.
  npm run sinergi -- backup FILE        Backs up the embedded database (stop the app first).
  npm run sinergi -- restore FILE       Restores the embedded database from FILE (stop the app first).
  npm run sinergi -- tone               Reads lines on standard input, prints one tone per line (positive, neutral, negative).
  npm run sinergi -- train-tone [--data DIR] [--extra FILE.tsv]… [--extra-weight N] [--db URL] [--out DIR | --write]
        Retrains the tone model (SmSA train + extra "text<TAB>label" lines), prints before/after figures
        on the valid split; writes the model only with --out DIR or --write (the committed model).
        With --db URL (or DATABASE_URL) officers' tone corrections are read from the database and added.
  npm run sinergi -- train-hoax [--data FILE.csv] [--folds N] [--out DIR | --write]
        Retrains the hoax-likeness model, prints 5-fold cross-validated accuracy and F1.
`;

async function withServices<T>(fn: (services: Awaited<ReturnType<typeof createServices>>) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const services = await createServices(env, createLogger("warn"), { mode: "inline", work: false, schedule: false });
  try {
    return await fn(services);
  } finally {
    await closeServices(services);
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // The monitoring models need no services or database: their modules load on demand.
    case "tone":
      return (await import("./features/monitoring/tone/tone-cli")).runToneCli();
    case "train-tone":
      return (await import("./features/monitoring/tone/tone-cli")).runTrainToneCli(rest);
    case "train-hoax":
      return (await import("./features/monitoring/hoax/hoax-cli")).runTrainHoaxCli(rest);
    case "create-admin": {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: "string" },
          name: { type: "string" },
          password: { type: "string" },
          region: { type: "string" },
          organization: { type: "string" },
        },
      });
      const email = values.email ?? (await ask("Email admin: "));
      const name = values.name ?? (await ask("Nama lengkap: "));
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error("A valid --email is required.");
      if (!name) throw new Error("--name is required.");
      if (values.password) {
        const weak = await passwordWeakness(values.password, "en", [email, name]);
        if (weak) throw new Error(`The password is too weak: ${weak}`);
      }
      const result = await withServices((s) =>
        createAdmin(s, { email, name, password: values.password, regionCode: values.region, organizationName: values.organization }),
      );
      console.log(`Administrator ${email} created for ${result.organization}.`);
      if (result.setupUrl) console.log(`Open this one-time link to set the password (valid 7 days):\n  ${result.setupUrl}`);
      return 0;
    }
    case "demo": {
      const result = await withServices(loadDemo);
      console.log(result.created ? "Demo loaded: Pemerintah Provinsi Bali." : "Demo already present.");
      console.log(`Password for every demo login: ${result.password}`);
      for (const l of result.logins) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(32)} ${l.organization}`);
      return 0;
    }
    case "audit": {
      if (rest[0] !== "verify") break;
      const report = await withServices((s) => verifyAuditChain(s.db));
      if (report.ok) {
        console.log(`Audit chain intact: ${report.rows} entries verified.`);
        // Removing the newest entries leaves an intact (shorter) chain: compare with a head kept elsewhere.
        if (report.head)
          console.log(
            `Head: #${report.head.seq} ${report.head.hash} (keep it outside the database to detect removal of the newest entries)`,
          );
        return 0;
      }
      console.log(`Audit chain BROKEN at entry #${report.brokenAtSeq}: ${report.reason} (${report.rows} entries verified before it).`);
      return 1;
    }
    case "backup":
    case "restore": {
      const file = rest[0];
      if (!file) break;
      const env = loadEnv();
      if (env.DATABASE_URL) throw new Error("DATABASE_URL is set: use pg_dump / pg_restore for PostgreSQL (see docs/SERVICES.md).");
      const dbDir = path.join(env.dataDir, "db");
      if (command === "backup") {
        const bytes = await backupEmbedded(dbDir, file);
        console.log(`Backup written to ${file} (${bytes} bytes).`);
      } else {
        const aside = await restoreEmbedded(dbDir, file);
        console.log(`Restored ${file} into ${dbDir}.${aside ? ` The previous database was kept at ${aside}.` : ""}`);
      }
      return 0;
    }
  }
  console.log(HELP);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
