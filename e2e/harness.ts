import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { startSmtpServer } from "../server/test/smtp-fixture";
import { startTestServer, type TestServer } from "../server/test/test-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface E2E {
  server: TestServer;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  browser: Browser;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** A real server (built staff app, real SMTP) and a headless Chromium driven by playwright-core. */
export async function startE2E(opts: { env?: Record<string, string> } = {}): Promise<E2E> {
  if (!existsSync(path.resolve("dist/app/index.html"))) throw new Error("The staff app is not built: run `npm run build` first.");
  const smtp = await startSmtpServer();
  const server = await startTestServer({ smtpUrl: smtp.url, env: opts.env });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Flags for a closed network and a root user (see the machine notes in docs/SERVICES.md).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const pages: Page[] = [];
  return {
    server,
    smtp,
    browser,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, locale: "id-ID", baseURL: server.baseUrl });
      // Fail within a test's budget with the locator in the message, not at the test timeout.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      pages.push(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await smtp.close();
    },
  };
}

/** Saves a screenshot under e2e/screenshots (ignored by git) when a flow wants evidence. */
export async function snap(page: Page, name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "sinergi-e2e-"));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  return path.join(dir, `${name}.png`);
}
