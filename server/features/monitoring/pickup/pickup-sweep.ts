/**
 * Reads newly ingested articles in id order (UUIDv7: creation order) and records the press
 * releases they carry. Articles younger than SETTLE_SECONDS are left for the next run, so an
 * ingest transaction that commits a little after a later one is not skipped by the watermark.
 * Runs from a per-minute cron job; the watermark row makes it resumable and idempotent.
 */
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client";
import { articles, contentItems, organizations, releasePickupScan, releasePickups } from "../../../db/schema";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { EARLY_WINDOW_HOURS, findPickups, PICKUP_WINDOW_DAYS } from "./find-pickups";

const SCAN_ID = "articles";
export const SETTLE_SECONDS = 120;

export interface SweepOptions {
  batchSize?: number;
  maxBatches?: number;
  /** The clock (tests move it); articles fetched after now − SETTLE_SECONDS wait for the next run. */
  now?: Date;
}

/** Runs batches until caught up (or maxBatches); returns the number of pickups recorded. */
export async function sweepPickups(db: Db, options: SweepOptions = {}): Promise<number> {
  const { batchSize = 500, maxBatches = 20, now = new Date() } = options;
  const settled = new Date(now.getTime() - SETTLE_SECONDS * 1000);
  let recorded = 0;
  for (let i = 0; i < maxBatches; i++) {
    const batch = await db.transaction((tx) => sweepBatch(tx, batchSize, settled));
    recorded += batch.recorded;
    if (batch.read < batchSize) break;
  }
  return recorded;
}

async function sweepBatch(tx: Executor, batchSize: number, settled: Date) {
  await tx.insert(releasePickupScan).values({ id: SCAN_ID }).onConflictDoNothing();
  const [state] = await tx.select().from(releasePickupScan).where(eq(releasePickupScan.id, SCAN_ID)).for("update");
  const rows = await tx
    .select({
      id: articles.id,
      ownerPath: organizations.path,
      title: articles.title,
      lead: articles.lead,
      body: articles.body,
      url: articles.url,
      outletId: articles.outletId,
      outletName: articles.outletName,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(organizations, eq(organizations.id, articles.organizationId))
    .where(and(state?.lastArticleId ? gt(articles.id, state.lastArticleId) : undefined, lt(articles.fetchedAt, settled)))
    .orderBy(articles.id)
    .limit(batchSize);
  if (rows.length === 0) return { read: 0, recorded: 0 };

  const times = rows.map((r) => r.publishedAt.getTime());
  const from = new Date(Math.min(...times) - PICKUP_WINDOW_DAYS * 86_400_000);
  const to = new Date(Math.max(...times) + EARLY_WINDOW_HOURS * 3_600_000);
  // Articles are public news: a source's articles are matched with the releases of every agency in
  // its owner's tree (a coordinator's feeds serve all OPDs), never of another tree.
  for (const r of rows) r.ownerPath = treeRoot(r.ownerPath);
  const ownerPaths = [...new Set(rows.map((r) => r.ownerPath))];
  const releases = await tx
    .select({
      id: contentItems.id,
      organizationId: contentItems.organizationId,
      organizationPath: organizations.path,
      publicFrom: contentItems.publicFrom,
      title: contentItems.title,
      summary: contentItems.summary,
      bodyText: contentItems.bodyText,
    })
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .where(
      and(
        eq(contentItems.type, "siaran_pers"),
        eq(contentItems.status, "published"),
        sql`${contentItems.publicFrom} between ${from} and ${to}`,
        sql`${organizations.path} like any (array[${sql.join(
          ownerPaths.map((p) => sql`${`${p}%`}`),
          sql`, `,
        )}]::text[])`,
      ),
    );

  const matches = findPickups(
    releases.map((r) => ({
      id: r.id,
      organizationPath: r.organizationPath,
      publicFrom: r.publicFrom ?? new Date(0),
      text: `${r.title}\n\n${r.summary}\n\n${r.bodyText}`,
    })),
    rows.map((r) => ({ id: r.id, ownerPath: r.ownerPath, publishedAt: r.publishedAt, text: `${r.title}\n\n${r.lead}\n\n${r.body}` })),
  );

  let recorded = 0;
  if (matches.length > 0) {
    const byArticle = new Map(rows.map((r) => [r.id, r]));
    const orgOf = new Map(releases.map((r) => [r.id, r.organizationId]));
    const inserted = await tx
      .insert(releasePickups)
      .values(
        matches.map((m) => {
          const a = byArticle.get(m.articleId);
          if (!a) throw new Error("pickup for an article outside the batch");
          return {
            id: newId(),
            contentId: m.releaseId,
            articleId: m.articleId,
            organizationId: orgOf.get(m.releaseId) as string,
            outletId: a.outletId,
            outletName: a.outletName,
            articleUrl: a.url,
            articleTitle: a.title,
            publishedAt: a.publishedAt,
            containment: m.containment,
            beforeRelease: m.beforeRelease,
          };
        }),
      )
      .onConflictDoNothing()
      .returning();
    recorded = inserted.length;
    if (inserted.length > 0) {
      await emit(tx, "monitoring.pickups", {
        pickups: inserted.map((p) => ({
          contentId: p.contentId,
          articleId: p.articleId,
          url: p.articleUrl,
          title: p.articleTitle,
          outletId: p.outletId,
          outletName: p.outletName,
          publishedAt: p.publishedAt,
          containment: p.containment,
        })),
      });
    }
  }
  await tx
    .update(releasePickupScan)
    .set({ lastArticleId: rows[rows.length - 1].id, updatedAt: new Date() })
    .where(eq(releasePickupScan.id, SCAN_ID));
  return { read: rows.length, recorded };
}

/** "/root/child/" → "/root/". */
const treeRoot = (path: string) => `/${path.split("/")[1]}/`;

/** Pickups of the given releases (for the content item page and reports). */
export async function pickupsOf(db: Executor, contentIds: string[]) {
  if (contentIds.length === 0) return [];
  return db.select().from(releasePickups).where(inArray(releasePickups.contentId, contentIds)).orderBy(releasePickups.publishedAt);
}
