import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type TimeZoneCode, UTC_OFFSET } from "../../../../../common/roles";
import type { manualEntryBody, manualEntryResult } from "../../../../../common/schemas/monitoring-intake";
import type { Executor } from "../../../../db/client";
import { monitoringOcrScans } from "../../../../db/schema";
import { AppError, fieldError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOutlet } from "../../../media-relations/outlet-queries";
import { ingestItems } from "../../ingest/ingest-items";
import type { RawItem } from "../../ingest/raw-item";
import { intakeSource, recordIntakeOnSource } from "../../intake/intake-source";
import { findScan, intakeTarget } from "./upload-scan";

type Input = z.infer<typeof manualEntryBody>;
export const MANUAL_SOURCE_KINDS = ["manual"] as const;

/**
 * Saves a print, TV or radio item typed (or corrected from OCR) by an officer: it goes through
 * the same pipeline as fetched news (dedup, watchlists, tone, search) under a synthetic
 * "manual:<uuid>" URL. The scan it was read from, if any, records the article it became.
 */
export async function saveManualEntry(tx: Executor, ctx: CommandContext, input: Input): Promise<z.infer<typeof manualEntryResult>> {
  const actor = actorRequired(ctx);
  const org = await intakeTarget(tx, actor, input.organizationId);
  const source = await intakeSource(tx, org.id, input.sourceId, MANUAL_SOURCE_KINDS);
  let outletId: string | undefined;
  if (input.outletId) {
    const outlet = await findVisibleOutlet(tx, actor, input.outletId).catch(() => {
      throw fieldError("outletId", "not_found", {}, 404);
    });
    outletId = outlet.id;
  }
  const scan = input.scanId ? await findScan(tx, actor, input.scanId) : null;
  if (scan && scan.organizationId !== org.id) throw fieldError("scanId", "not_found", {}, 404);
  if (scan?.articleId) throw new AppError(409, "ocr_scan_used");

  const offset = UTC_OFFSET[org.timeZone as TimeZoneCode] ?? UTC_OFFSET.WIB;
  const publishedAt = new Date(`${input.publishedOn}T${input.publishedTime ?? "00:00"}:00${offset}`);
  const item: RawItem = {
    url: `manual:${newId()}`,
    title: input.title,
    text: input.text,
    kind: input.kind,
    publishedAt,
    outletName: input.outletName,
    ...(outletId ? { outletId } : {}),
    ...(input.author ? { author: input.author } : {}),
    ...(input.page ? { section: input.page } : {}),
  };
  const result = await ingestItems(tx, { organizationId: org.id, sourceId: source?.id ?? null, items: [item] });
  const rejected = result.rejected[0];
  if (rejected) throw new AppError(400, "monitoring_item_rejected", { reason: rejected.message });
  const articleId = result.articleIds[0] ?? null;
  if (scan) await tx.update(monitoringOcrScans).set({ articleId, updatedAt: new Date() }).where(eq(monitoringOcrScans.id, scan.id));
  await recordIntakeOnSource(tx, source?.id ?? null, result.inserted);
  await recordAudit(tx, ctx, {
    action: "monitoring_item.manual_entry",
    entityType: "article",
    entityId: articleId,
    organizationId: org.id,
    after: {
      kind: input.kind,
      outletName: input.outletName,
      outletId: outletId ?? null,
      publishedAt: publishedAt.toISOString(),
      page: input.page,
      title: input.title,
      scanId: scan?.id ?? null,
      sourceId: source?.id ?? null,
    },
  });
  const { inserted, updated, duplicates, nearDuplicates } = result;
  return { articleId, duplicate: inserted === 0 && updated === 0, result: { inserted, updated, duplicates, nearDuplicates } };
}
