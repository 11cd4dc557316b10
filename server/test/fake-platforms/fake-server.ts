import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The small HTTP server every fake platform is built on: it reads the request (JSON, form or
 * multipart), lets a test make the next matching request fail, and answers with JSON.
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  raw: Buffer;
  /** JSON, urlencoded and multipart fields merged with the query (as the platforms accept them). */
  fields: Record<string, string>;
  files: Record<string, { data: Buffer; mime: string; fileName: string }>;
  json: any;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Failure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeServer {
  url: string;
  /** Every request that reached the server, in order. */
  requests: FakeRequest[];
  /** The next request whose "METHOD /path" contains `match` (any request by default) answers this. */
  fail(next: Failure, match?: string): void;
  /**
   * The next request whose "METHOD /path" contains `match` is handled (the platform acts on it)
   * but its answer is lost: the connection is cut before any byte goes back.
   */
  dropAnswer(match?: string): void;
  /** Answers slower (ms), to let concurrent calls overlap. */
  delay(ms: number): void;
  close(): Promise<void>;
  server: Server;
}

async function parse(req: IncomingMessage, raw: Buffer, base: string): Promise<FakeRequest> {
  const url = new URL(req.url ?? "/", base);
  const type = String(req.headers["content-type"] ?? "");
  const fields: Record<string, string> = Object.fromEntries(url.searchParams);
  const files: FakeRequest["files"] = {};
  let json: any = null;
  if (type.includes("application/json") && raw.length) {
    json = JSON.parse(raw.toString("utf8"));
    if (json && typeof json === "object" && !Array.isArray(json))
      for (const [k, v] of Object.entries(json)) fields[k] = typeof v === "string" ? v : JSON.stringify(v);
  } else if (type.includes("application/x-www-form-urlencoded")) {
    Object.assign(fields, Object.fromEntries(new URLSearchParams(raw.toString("utf8"))));
  } else if (type.includes("multipart/form-data")) {
    const form = await new Request(url, { method: "POST", headers: { "content-type": type }, body: new Uint8Array(raw) }).formData();
    for (const [k, v] of form.entries()) {
      if (typeof v === "string") fields[k] = v;
      else files[k] = { data: Buffer.from(await v.arrayBuffer()), mime: v.type, fileName: v.name };
    }
  }
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, raw, fields, files, json };
}

export async function startFakeServer(
  handler: (req: FakeRequest, server: FakeServer) => FakeReply | Promise<FakeReply>,
): Promise<FakeServer> {
  const failures: { failure: Failure; match?: string }[] = [];
  const drops: (string | undefined)[] = [];
  let delayMs = 0;
  const fake = { requests: [] as FakeRequest[] } as FakeServer;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const parsed = await parse(req, Buffer.concat(chunks), fake.url);
        fake.requests.push(parsed);
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        const index = failures.findIndex((f) => !f.match || `${parsed.method} ${parsed.path}`.includes(f.match));
        const reply: FakeReply = index >= 0 ? failures.splice(index, 1)[0].failure : await handler(parsed, fake);
        const drop = drops.findIndex((m) => !m || `${parsed.method} ${parsed.path}`.includes(m));
        if (drop >= 0) {
          drops.splice(drop, 1);
          res.socket?.destroy();
          return;
        }
        const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { "content-type": "application/json; charset=UTF-8", ...reply.headers });
        res.end(body);
      } catch (err) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String(err) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    server,
    fail: (failure: Failure, match?: string) => failures.push({ failure, match }),
    dropAnswer: (match?: string) => drops.push(match),
    delay: (ms: number) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return fake;
}

/** Bearer token of a request, or null. */
export const bearerOf = (req: FakeRequest) => /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1] ?? null;
