import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertEvents } from "../../../db/schema";
import { createTree, signedIn } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { seededRandom } from "../classifier/rng";
import { expectedRate } from "../spike/evaluate-spikes";
import { evaluateSpikeRules } from "./evaluate/spike-rules";
import { createCluster, createWatchlist, insertArticles, type TestArticle } from "./test-support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const HOUR = 3_600_000;
const WEEK = 168;

function poisson(rnd: () => number, lambda: number) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rnd();
  while (p > limit) {
    k++;
    p *= rnd();
  }
  return k;
}

const ROUTINE = [
  "Gubernur resmikan jalan desa",
  "Rapat koordinasi anggaran daerah",
  "Pelatihan UMKM digelar di kantor dinas",
  "Vaksinasi anak sekolah berlanjut",
  "Festival budaya menarik wisatawan",
  "Perbaikan irigasi sawah rampung",
];

describe("spike alerts", () => {
  it("flags the injected spike hour with its stories, outlets and terms, and nothing in the quiet hours before it", async () => {
    const tree = await createTree(server.services);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const watchlistId = await createWatchlist(server.services, tree.root.id, "Pemprov");
    const channels = { inApp: true, email: false, telegram: null, webhook: null };
    const volume = await coordinator.client.post("/api/v1/alert-rules", {
      organizationId: tree.root.id,
      name: "Lonjakan",
      kind: "volume_spike",
      channels,
    });
    const share = await coordinator.client.post("/api/v1/alert-rules", {
      organizationId: tree.root.id,
      name: "Lonjakan negatif",
      kind: "negative_share_spike",
      channels,
    });
    expect(volume.status).toBe(201);
    expect(share.status).toBe(201);

    // Four weeks and a day of ordinary news (daily and weekly rhythm, Poisson noise, 20 % negative),
    // then a landslide story breaks in one hour: 30 mostly negative articles from many outlets.
    const spikeHour = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
    const firstJudged = spikeHour - 23 * HOUR;
    const start = firstJudged - 4 * WEEK * HOUR;
    const rnd = seededRandom(7);
    const list: TestArticle[] = [];
    const mention = (tone: "neutral" | "negative") => [{ organizationId: tree.opdA.id, watchlistId, tone }];
    for (let t = 0; start + t * HOUR < spikeHour + HOUR; t++) {
      const at = start + t * HOUR;
      const n = poisson(rnd, expectedRate(Math.floor((at / HOUR + 72) % WEEK), 5));
      for (let i = 0; i < n; i++) {
        list.push({
          ownerId: tree.root.id,
          title: ROUTINE[Math.floor(rnd() * ROUTINE.length)],
          publishedAt: new Date(at + Math.floor(rnd() * HOUR)),
          outletName: `Media ${Math.floor(rnd() * 5)}`,
          mentions: mention(rnd() < 0.2 ? "negative" : "neutral"),
        });
      }
    }
    const clusterId = await createCluster(server.services, tree.root.id, "Longsor tutup jalan Kintamani");
    for (let i = 0; i < 30; i++) {
      list.push({
        ownerId: tree.root.id,
        title: `Longsor Kintamani: warga terisolasi, jalan provinsi tertutup (${i})`,
        publishedAt: new Date(spikeHour + i * 100_000),
        outletName: ["Bali Post Uji", "Tribun Uji", "Radar Uji", "Nusa Uji"][i % 4],
        clusterId,
        mentions: mention(i % 5 === 0 ? "neutral" : "negative"),
      });
    }
    await insertArticles(server.services, list);

    // The hourly cron, run for each of the last 25 hours (7 minutes past each hour).
    const fired: { hour: number; kind: string }[] = [];
    for (let h = firstJudged; h <= spikeHour + HOUR; h += HOUR) {
      const now = new Date(h + HOUR + 7 * 60_000);
      await evaluateSpikeRules(server.services, now);
      // Running the same hour again is a no-op.
      await evaluateSpikeRules(server.services, now);
      const events = await server.services.db.select().from(alertEvents).where(eq(alertEvents.organizationId, tree.root.id));
      for (const e of events)
        if (!fired.some((f) => f.kind === e.kind && f.hour === Date.parse(e.explanation!.hour!)))
          fired.push({ hour: Date.parse(e.explanation!.hour!), kind: e.kind });
    }
    const volumeAlerts = fired.filter((f) => f.kind === "volume_spike");
    const falseAlarms = fired.filter((f) => f.hour !== spikeHour);
    console.info(
      `spike alerts over 25 hourly runs (${list.length} articles): volume delay ${volumeAlerts.map((f) => (f.hour - spikeHour) / HOUR).join(",")} h, ` +
        `negative-share ${
          fired
            .filter((f) => f.kind === "negative_share_spike")
            .map((f) => (f.hour - spikeHour) / HOUR)
            .join(",") || "none"
        }, false alarms ${falseAlarms.length}`,
    );
    expect(volumeAlerts).toEqual([{ hour: spikeHour, kind: "volume_spike" }]);
    expect(falseAlarms).toEqual([]);

    const [alert] = await server.services.db.select().from(alertEvents).where(eq(alertEvents.ruleId, volume.body.id));
    const why = alert.explanation!;
    expect(why.count).toBeGreaterThanOrEqual(30);
    expect(why.stories?.[0]).toMatchObject({ clusterId, title: "Longsor tutup jalan Kintamani", count: 30 });
    expect(
      why.outlets
        ?.slice(0, 4)
        .map((o) => o.name)
        .sort(),
    ).toEqual(["Bali Post Uji", "Nusa Uji", "Radar Uji", "Tribun Uji"]);
    const terms = why.terms!.map((t) => t.term);
    expect(terms.slice(0, 5)).toEqual(expect.arrayContaining(["longsor", "kintamani"]));
    expect(terms).not.toContain("gubernur");
    expect(alert.summary).toContain("Longsor tutup jalan Kintamani");

    // The alerts page shows the explanation.
    const page = await coordinator.client.get(`/api/v1/alerts?ruleId=${volume.body.id}`);
    expect(page.body.items[0].explanation.terms.length).toBeGreaterThan(0);
  });
});
