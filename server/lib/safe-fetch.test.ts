import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { blockedReason, isAllowed, parseAllowList } from "./ip-ranges";
import { OutboundError, safeFetch } from "./safe-fetch";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} host=${req.headers.host} auth=${req.headers.authorization ?? "-"}`);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, hits };
}

const refused = async (p: Promise<unknown>, code = "blocked") => {
  const err = await p.then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(OutboundError);
  expect((err as OutboundError).code).toBe(code);
  return err as OutboundError;
};

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.20.30.40", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["169.254.169.254", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.0.2.10", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:7f00:1::1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["::127.0.0.1", "reserved"],
  ])("%s is %s", (address, reason) => {
    expect(blockedReason(address)).toBe(reason);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "103.28.12.5",
    "172.32.0.1",
    "100.128.0.1",
    "::ffff:8.8.8.8",
    "2606:4700:4700::1111",
    "2404:6800:4003:c00::64",
  ])("%s is public", (address) => {
    expect(blockedReason(address)).toBeNull();
  });

  it("reads OUTBOUND_ALLOW as host names and CIDRs", () => {
    const allow = parseAllowList(" Localhost , 10.1.0.0/16, 127.0.0.1 ,fd00::/8");
    expect(isAllowed(allow, "localhost", "127.0.0.1")).toBe(true);
    expect(isAllowed(allow, "intranet.local", "10.1.2.3")).toBe(true);
    expect(isAllowed(allow, "intranet.local", "10.2.0.1")).toBe(false);
    expect(isAllowed(allow, "x.test", "127.0.0.1")).toBe(true);
    expect(isAllowed(allow, "x.test", "127.0.0.2")).toBe(false);
    expect(isAllowed(allow, "x.test", "fd00::5")).toBe(true);
  });
});

describe("safeFetch refuses internal addresses", () => {
  it.each([
    "http://127.0.0.1:9/",
    "http://0x7f000001:9/",
    "http://2130706433:9/",
    "http://0177.0.0.1:9/",
    "http://127.1:9/",
    "http://[::1]:9/",
    "http://[::ffff:127.0.0.1]:9/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0:9/",
  ])("refuses %s before connecting", async (url) => {
    const err = await refused(safeFetch(url));
    // The message names the host only: a path may carry a token.
    expect(err.message).not.toContain("meta-data");
  });

  it("refuses a name when any of its addresses is internal", async () => {
    await refused(safeFetch("http://mixed.uji.test/", { resolve: async () => ["8.8.8.8", "10.0.0.5"] }));
  });

  it("refuses non-HTTP schemes and credentials in the URL", async () => {
    await refused(safeFetch("file:///etc/passwd"), "bad_url");
    await refused(safeFetch("http://user:pass@example.com/"), "bad_url");
  });

  it("refuses a redirect to 127.0.0.1 from an allowed host, without reaching it", async () => {
    const target = await serve((_req, res) => res.end("rahasia internal"));
    const start = await serve((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/admin` });
      res.end();
    });
    const resolve = async () => ["127.0.0.1"];
    await refused(safeFetch(`http://portal.uji.test:${start.port}/mulai`, { allow: "portal.uji.test", resolve }));
    expect(start.hits).toHaveLength(1);
    expect(target.hits).toHaveLength(0);
  });

  it("refuses a redirect to a name that resolves to a private address", async () => {
    const start = await serve((_req, res) => {
      res.writeHead(307, { location: "http://internal.uji.test/" });
      res.end();
    });
    const resolve = async (host: string) => (host === "portal.uji.test" ? ["127.0.0.1"] : ["192.168.10.10"]);
    await refused(safeFetch(`http://portal.uji.test:${start.port}/`, { allow: "portal.uji.test", resolve }));
  });
});

describe("safeFetch within the allow-list", () => {
  it("connects to the address it checked (DNS is asked once, the socket is pinned)", async () => {
    const site = await serve((_req, res) => res.end("ok"));
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return ["127.0.0.1"];
    };
    // rebind.uji.test exists in no DNS: only the pinned address can serve it.
    const res = await safeFetch(`http://rebind.uji.test:${site.port}/x`, { allow: "127.0.0.1/32", resolve });
    expect(res.status).toBe(200);
    expect(res.text()).toBe("ok");
    expect(lookups).toBe(1);
    expect(site.hits[0]).toContain(`host=rebind.uji.test:${site.port}`);
  });

  it("follows redirects, turning a 303 into GET and dropping credentials across origins", async () => {
    const final = await serve((req, res) => res.end(`${req.method}`));
    const start = await serve((_req, res) => {
      res.writeHead(303, { location: `http://127.0.0.1:${final.port}/hasil` });
      res.end();
    });
    const res = await safeFetch(`http://127.0.0.1:${start.port}/kirim`, {
      method: "POST",
      body: "{}",
      headers: { authorization: "Bearer rahasia", "content-type": "application/json" },
      allow: "127.0.0.1",
    });
    expect(res.text()).toBe("GET");
    expect(res.url).toBe(`http://127.0.0.1:${final.port}/hasil`);
    expect(final.hits[0]).toContain("auth=-");
  });

  it("stops after five redirects", async () => {
    const loop = await serve((req, res) => {
      res.writeHead(302, { location: `/r${Number(req.url?.slice(2) || 0) + 1}` });
      res.end();
    });
    await refused(safeFetch(`http://127.0.0.1:${loop.port}/r0`, { allow: "127.0.0.1" }), "redirects");
    expect(loop.hits).toHaveLength(6);
  });

  it("gives up at the deadline and caps the response size", async () => {
    const slow = await serve(() => undefined);
    const err = await refused(safeFetch(`http://127.0.0.1:${slow.port}/`, { allow: "127.0.0.1", timeoutMs: 150 }), "timeout");
    expect(err.sent).toBe(true);
    const big = await serve((_req, res) => res.end(Buffer.alloc(300_000, 65)));
    await refused(safeFetch(`http://127.0.0.1:${big.port}/`, { allow: "127.0.0.1", maxBytes: 100_000 }), "too_large");
  });

  it("reports a refused connection as not sent", async () => {
    const gone = await serve(() => undefined);
    servers[0].close();
    servers.splice(0);
    const err = await refused(safeFetch(`http://127.0.0.1:${gone.port}/`, { allow: "127.0.0.1" }), "network");
    expect(err.sent).toBe(false);
  });
});
