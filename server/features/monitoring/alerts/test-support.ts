import { randomUUID } from "node:crypto";
import { articleMentions, articles, storyClusters, watchlists } from "../../../db/schema";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import type { Services } from "../../../services";

/** Test fixtures for alerts and issues: watchlists, articles with mentions, the ingest event. */

export async function createWatchlist(services: Services, organizationId: string, name = "Nama instansi") {
  const id = newId();
  await services.db.insert(watchlists).values({ id, organizationId, name, compiledQuery: `"${name}"` });
  return id;
}

export async function createCluster(services: Services, organizationId: string, title: string, at = new Date()) {
  const id = newId();
  await services.db.insert(storyClusters).values({ id, organizationId, title, firstSeenAt: at, lastSeenAt: at });
  return id;
}

export interface TestArticle {
  ownerId: string;
  title: string;
  body?: string;
  outletName?: string;
  publishedAt?: Date;
  clusterId?: string | null;
  hoaxClarificationId?: string | null;
  mentions: { organizationId: string; watchlistId: string; tone: "positive" | "neutral" | "negative"; negative?: number }[];
}

const scores = (tone: string, negative?: number) => {
  const neg = negative ?? (tone === "negative" ? 0.9 : 0.05);
  const pos = tone === "positive" ? 0.9 : (1 - neg) / 2;
  return { positive: pos, neutral: Math.max(0, 1 - neg - pos), negative: neg };
};

/** Inserts articles and their mentions as the pipeline would, without the pipeline. */
export async function insertArticles(services: Services, list: TestArticle[]) {
  const rows = list.map((a) => ({
    ...a,
    id: newId(),
    url: `https://berita.uji.id/${randomUUID()}`,
    publishedAt: a.publishedAt ?? new Date(),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await services.db.insert(articles).values(
      chunk.map((a) => ({
        id: a.id,
        organizationId: a.ownerId,
        url: a.url,
        canonicalUrl: a.url,
        contentHash: a.id,
        title: a.title,
        lead: a.title,
        body: a.body ?? a.title,
        publishedAt: a.publishedAt,
        outletName: a.outletName ?? "Kabar Uji",
        kind: "news",
        clusterId: a.clusterId ?? null,
      })),
    );
    const mentions = chunk.flatMap((a) =>
      a.mentions.map((m) => ({
        articleId: a.id,
        watchlistId: m.watchlistId,
        mentionedOrganizationId: m.organizationId,
        publishedAt: a.publishedAt,
        tone: m.tone,
        ...scores(m.tone, m.negative),
        mentionCount: 1,
      })),
    );
    if (mentions.length) await services.db.insert(articleMentions).values(mentions);
  }
  return rows;
}

/** Announces the articles' mentions like ingestItems does (inside a transaction, once). */
export async function announce(services: Services, ownerId: string, rows: Awaited<ReturnType<typeof insertArticles>>) {
  await services.db.transaction((tx) =>
    emit(tx, "monitoring.mentions", {
      organizationId: ownerId,
      mentions: rows.flatMap((a) =>
        a.mentions.map((m) => ({
          articleId: a.id,
          mentionedOrganizationId: m.organizationId,
          watchlistId: m.watchlistId,
          tone: m.tone,
          negativeProbability: scores(m.tone, m.negative).negative,
          hoaxClarificationId: a.hoaxClarificationId ?? null,
          title: a.title,
          url: a.url,
          outletName: a.outletName ?? "Kabar Uji",
          publishedAt: a.publishedAt,
        })),
      ),
    }),
  );
}

/** Polls until `check` returns a truthy value (async jobs started by a NOTIFY). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
