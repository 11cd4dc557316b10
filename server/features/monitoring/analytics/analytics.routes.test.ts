import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchlists } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree, signedIn } from "../../../test/factories";
import type { TestClient } from "../../../test/http-client";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { newWorkbook } from "../../reports/xlsx";
import { ingestItems } from "../ingest/ingest-items";
import type { RawItem } from "../ingest/raw-item";
import { compileWatchlist } from "../watchlists/compile-watchlist";
import { topTerms } from "./top-terms";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function fetchBinary(client: TestClient, url: string) {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: client.cookie ?? "", "accept-language": client.lang } });
  return { status: res.status, type: res.headers.get("content-type"), data: Buffer.from(await res.arrayBuffer()) };
}

function pdfText(data: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sinergi-analytics-")), "a.pdf");
  writeFileSync(file, data);
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/[ \n]+/g, " ");
}

const day = (d: number, h = 3) => new Date(Date.UTC(2026, 10, d, h));

describe("top terms", () => {
  it("counts notable words and keeps frequent phrases whole", () => {
    const terms = topTerms([
      "Pesta Kesenian Bali dibuka gubernur",
      "Pesta Kesenian Bali ramai pengunjung",
      "Pesta Kesenian Bali dan pengunjung asing",
      "Harga cabai naik",
    ]);
    expect(terms.slice(0, 2)).toEqual([
      { term: "kesenian bali", count: 3 },
      { term: "pesta kesenian", count: 3 },
    ]);
    // The words of a frequent phrase are not listed again on their own.
    expect(terms.map((t) => t.term)).not.toContain("pesta");
    expect(terms.map((t) => t.term)).toContain("pengunjung");
    expect(terms.map((t) => t.term)).not.toContain("dan");
    expect(terms.map((t) => t.term)).not.toContain("cabai");
  });
});

describe("monitoring analytics", () => {
  it("reports volume and tone over time, outlets, share of voice and kabupaten/kota, and exports them", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    for (const [org, name] of [
      [tree.opdA, "Dinas Kesehatan"],
      [tree.opdB, "Dinas Pariwisata"],
    ] as const) {
      const c = compileWatchlist([{ kind: "name", value: name }]);
      await db.insert(watchlists).values({
        id: newId(),
        organizationId: org.id,
        name,
        entries: [{ kind: "name", value: name }],
        compiledQuery: c.query,
        toneTerms: c.toneTerms,
      });
    }
    const item = (n: number, over: Partial<RawItem>): RawItem => ({
      url: `https://berita.example.id/${newId()}/${n}`,
      title: "Berita",
      text: "Isi",
      kind: "news",
      ...over,
    });
    const res = await ingestItems(db, {
      organizationId: tree.diskominfo.id,
      sourceId: null,
      items: [
        item(1, {
          title: "Warga Denpasar kecewa pelayanan Dinas Kesehatan",
          text: "Warga Denpasar sangat kecewa dengan pelayanan Dinas Kesehatan yang buruk dan lambat. Antrean puskesmas kacau dan petugas tidak ramah.",
          outletName: "Bali Post",
          publishedAt: day(10),
        }),
        item(2, {
          title: "Festival di Badung dipuji wisatawan",
          text: "Dinas Pariwisata menggelar festival budaya di Badung yang meriah dan membanggakan. Wisatawan sangat senang dan puas.",
          outletName: "Tribun Bali",
          publishedAt: day(11),
        }),
        item(3, {
          title: "Dinas Pariwisata promosikan Badung",
          text: "Dinas Pariwisata mempromosikan desa wisata di Badung kepada wisatawan. Promosi ini bagus dan bermanfaat.",
          outletName: "Tribun Bali",
          publishedAt: day(11, 9),
        }),
        item(4, {
          title: "Harga cabai naik di pasar",
          text: "Harga cabai naik menjelang hari raya.",
          outletName: "Radar Bali",
          publishedAt: day(12),
        }),
      ],
    });
    expect(res.inserted).toBe(4);

    const { client } = await signedIn(server, tree.root, "coordinator");
    const a = await client.get("/api/v1/monitoring/analytics?from=2026-11-10&to=2026-11-12");
    expect(a.status).toBe(200);
    expect(a.body.total).toBe(4);
    expect(a.body.tone.unrated).toBe(1);
    expect(a.body.tone.negative).toBeGreaterThanOrEqual(1);
    expect(a.body.volume.map((v: { bucket: string; total: number }) => [v.bucket, v.total])).toEqual([
      ["2026-11-10", 1],
      ["2026-11-11", 2],
      ["2026-11-12", 1],
    ]);
    expect(a.body.topOutlets[0]).toMatchObject({ outlet: "Tribun Bali", articles: 2 });
    const voice = Object.fromEntries(
      a.body.shareOfVoice.map((v: { organizationId: string; mentions: number; share: number }) => [v.organizationId, v]),
    );
    expect(voice[tree.opdB.id]).toMatchObject({ mentions: 2 });
    expect(voice[tree.opdA.id]).toMatchObject({ mentions: 1 });
    expect(voice[tree.opdB.id].share).toBeCloseTo(2 / 3, 2);
    const regions = Object.fromEntries(a.body.regions.map((r: { name: string; articles: number }) => [r.name, r.articles]));
    expect(regions["Kota Denpasar"]).toBe(1);
    expect(regions["Kabupaten Badung"]).toBe(2);
    expect(regions["Kabupaten Buleleng"]).toBe(0);

    // Filters: the Boolean query and the organization narrow every figure.
    const q = await client.get(
      `/api/v1/monitoring/analytics?from=2026-11-10&to=2026-11-12&q=${encodeURIComponent("festival OR promosi*")}`,
    );
    expect(q.body.total).toBe(2);
    const byOrg = await client.get(`/api/v1/monitoring/analytics?from=2026-11-10&to=2026-11-12&organizationId=${tree.opdA.id}`);
    expect(byOrg.body.total).toBe(1);
    expect(byOrg.body.tone.negative).toBe(1);
    expect((await client.get("/api/v1/monitoring/analytics?q=%22festival")).status).toBe(400);

    const xlsx = await fetchBinary(client, "/api/v1/monitoring/analytics/export?format=xlsx&from=2026-11-10&to=2026-11-12");
    expect(xlsx.status).toBe(200);
    const wb = await newWorkbook();
    await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Media teratas")?.getRow(4).values).toEqual([undefined, "Tribun Bali", 2, 0]);
    const pdf = await fetchBinary(client, "/api/v1/monitoring/analytics/export?format=pdf&from=2026-11-10&to=2026-11-12");
    expect(pdf.type).toBe("application/pdf");
    const text = pdfText(pdf.data);
    expect(text).toContain("Analitik Pemantauan Media");
    expect(text).toContain("Tribun Bali — 2 artikel");
    expect(text).toContain("Kabupaten Badung: 2 artikel");

    // An OPD sees what concerns it; another tree's organization is not found.
    const opdB = await signedIn(server, tree.opdB, "officer");
    const own = await opdB.client.get("/api/v1/monitoring/analytics?from=2026-11-10&to=2026-11-12");
    expect(own.body.total).toBe(2);
    const other = await createTree(server.services);
    expect((await opdB.client.get(`/api/v1/monitoring/analytics?organizationId=${other.opdA.id}`)).status).toBe(404);
  });
});
