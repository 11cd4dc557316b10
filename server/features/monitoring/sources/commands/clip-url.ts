import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ClippingAnswer, clippingBody } from "../../../../../common/schemas/monitoring-sources";
import type { Db, Executor } from "../../../../db/client";
import { mediaOutlets, monitoringFetchLog, monitoringSources } from "../../../../db/schema";
import { AppError, fieldError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOutlet } from "../../../media-relations/outlet-queries";
import { findVisibleOrganization } from "../../../organizations/organization-queries";
import { fetchArticle } from "../../fetch/fetch-article";
import { asFetchError } from "../../fetch/fetch-errors";
import { monitoringFetcher } from "../../fetch/monitoring-fetcher";
import { ingestItems } from "../../ingest/ingest-items";
import type { RawItem } from "../../ingest/raw-item";
import { monitoringSourcePolicy } from "../monitoring-sources.policy";

type Input = z.infer<typeof clippingBody>;

/**
 * The organization's clipping bin: one source of kind "clipping" that every pasted URL is
 * logged under (so its health and fetch log show clipping failures too). Created on first use.
 */
async function clippingSource(tx: Executor, organizationId: string, userId: string | null) {
  const [found] = await tx
    .select({ id: monitoringSources.id })
    .from(monitoringSources)
    .where(and(eq(monitoringSources.organizationId, organizationId), eq(monitoringSources.kind, "clipping")))
    .limit(1);
  if (found) return found.id;
  const id = newId();
  await tx
    .insert(monitoringSources)
    .values({ id, organizationId, kind: "clipping", name: "Kliping URL", enabled: true, createdBy: userId });
  return id;
}

/**
 * Single-URL clipping: fetch the page now (politely, through the SSRF guard), extract the
 * article and ingest it. A fetch or extraction failure is written to the clipping source's log
 * and answered as a 422 with its code; nothing else is stored then.
 */
export async function clipUrl(db: Db, ctx: CommandContext, input: Input): Promise<ClippingAnswer> {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(db, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  monitoringSourcePolicy.authorize(actor, "clip", { path: org.path });
  let outletName: string | null = null;
  if (input.outletId) {
    await findVisibleOutlet(db, actor, input.outletId).catch(() => {
      throw fieldError("outletId", "not_found", {}, 404);
    });
    [{ name: outletName }] = await db.select({ name: mediaOutlets.name }).from(mediaOutlets).where(eq(mediaOutlets.id, input.outletId));
  }
  const sourceId = await db.transaction((tx) => clippingSource(tx, org.id, actor.userId));
  const logId = newId();
  const at = new Date();
  let item: RawItem;
  try {
    item = await fetchArticle(monitoringFetcher(ctx.services), input.url, {
      outletId: input.outletId ?? null,
      outletName,
      kind: "clipping",
    });
  } catch (err) {
    const e = asFetchError(err);
    await db.transaction(async (tx) => {
      await tx.insert(monitoringFetchLog).values({
        id: logId,
        sourceId,
        organizationId: org.id,
        at,
        finishedAt: new Date(),
        status: "error",
        trigger: "manual",
        httpStatus: e.httpStatus ?? null,
        entries: 1,
        rejected: 1,
        errorCode: e.code,
        error: e.message,
        details: [{ url: input.url, code: e.code, message: e.message }],
      });
      await tx
        .update(monitoringSources)
        .set({ lastFetchedAt: at, lastErrorCode: e.code, lastErrorMessage: `${input.url}: ${e.message}` })
        .where(eq(monitoringSources.id, sourceId));
    });
    throw new AppError(422, e.code, { status: e.httpStatus ?? "", reason: e.message });
  }
  return db.transaction(async (tx) => {
    const result = await ingestItems(tx, { organizationId: org.id, sourceId, items: [item] });
    const rejected = result.rejected[0];
    if (rejected) throw new AppError(422, "monitoring_item_rejected", { reason: rejected.message });
    const status = result.inserted ? "inserted" : result.updated ? "updated" : "duplicate";
    await tx.insert(monitoringFetchLog).values({
      id: logId,
      sourceId,
      organizationId: org.id,
      at,
      finishedAt: new Date(),
      status: "ok",
      trigger: "manual",
      httpStatus: 200,
      entries: 1,
      items: result.inserted + result.updated,
      duplicates: result.duplicates,
    });
    await tx
      .update(monitoringSources)
      .set({
        lastFetchedAt: at,
        lastSuccessAt: new Date(),
        lastErrorCode: null,
        lastErrorMessage: null,
        itemsTotal: sql`${monitoringSources.itemsTotal} + ${result.inserted}`,
      })
      .where(eq(monitoringSources.id, sourceId));
    await recordAudit(tx, ctx, {
      action: "monitoring_clipping.create",
      entityType: "article",
      entityId: result.articleIds[0] ?? null,
      organizationId: org.id,
      after: { url: item.url, title: item.title, status },
    });
    return {
      status,
      articleId: result.articleIds[0] ?? null,
      title: item.title,
      url: item.url,
      outletName: item.outletName ?? null,
      publishedAt: item.publishedAt?.toISOString() ?? null,
    };
  });
}
