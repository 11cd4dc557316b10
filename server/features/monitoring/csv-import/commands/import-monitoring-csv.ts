import { eq, lt } from "drizzle-orm";
import type { z } from "zod";
import { type ErrorCode, errorMessage } from "../../../../../common/i18n/errors";
import { type TimeZoneCode, UTC_OFFSET } from "../../../../../common/roles";
import type { CsvImportPreview, csvImportResult } from "../../../../../common/schemas/monitoring-intake";
import type { Executor } from "../../../../db/client";
import { monitoringCsvImports } from "../../../../db/schema";
import { AppError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { hashSecret, newSecret } from "../../../../lib/tokens";
import { actorRequired } from "../../../../policies/actor-required";
import type { Actor } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { canonicalUrl } from "../../ingest/canonical-url";
import { ingestItems } from "../../ingest/ingest-items";
import type { ItemKind, RawItem } from "../../ingest/raw-item";
import { intakeSource, recordIntakeOnSource } from "../../intake/intake-source";
import { intakeTarget } from "../../manual/commands/upload-scan";
import type { MonitoringSheet, MonitoringSheetRow } from "../monitoring-sheet";
import { parseItemDate } from "../parse-item-date";

const IMPORT_TTL_MS = 30 * 60 * 1000;
export const CSV_SOURCE_KINDS = ["csv"] as const;
const TITLE_FROM_TEXT = 140;
/** A day ahead is a broken date, as the pipeline judges it. */
const FUTURE_SLACK_MS = 86_400_000;

interface RowError {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}
interface CheckedRow {
  row: number;
  title: string;
  url: string;
  outlet: string | null;
  publishedAt: Date | null;
  item: RawItem | null;
  errors: RowError[];
}

/** The media type column of Meltwater/Talkwalker exports, in English or Indonesian. */
const KIND_ALIASES: Record<string, ItemKind> = {
  news: "news",
  online: "news",
  "online news": "news",
  berita: "news",
  web: "news",
  blog: "news",
  blogs: "news",
  siber: "news",
  print: "print",
  cetak: "print",
  koran: "print",
  newspaper: "print",
  newspapers: "print",
  magazine: "print",
  majalah: "print",
  tv: "tv",
  television: "tv",
  televisi: "tv",
  broadcast: "tv",
  radio: "radio",
  podcast: "radio",
  social: "social",
  sosial: "social",
  "social media": "social",
  "media sosial": "social",
  twitter: "social",
  x: "social",
  facebook: "social",
  instagram: "social",
  youtube: "social",
  tiktok: "social",
  forum: "social",
  forums: "social",
};

const ownedBy = (actor: Actor) => ({ userId: actor.userId, apiTokenId: actor.tokenId ?? null });

/** Per-row checks; pure, so the commit repeats them on the stored rows. */
function checkRows(rows: MonitoringSheetRow[], offset: string, now = Date.now()): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map(({ row, cells, malformed }) => {
    const text = (cells.text ?? "").trim();
    const title = (cells.title ?? "").trim() || text.replace(/\s+/g, " ").slice(0, TITLE_FROM_TEXT);
    const url = (cells.url ?? "").trim();
    const outlet = (cells.outlet ?? "").trim() || null;
    const base = { row, title, url, outlet, publishedAt: null, item: null };
    if (malformed) return { ...base, errors: [{ field: "row", code: malformed.code, params: malformed.params }] };
    const errors: RowError[] = [];
    const canonical = url ? canonicalUrl(url) : null;
    if (!url) errors.push({ field: "url", code: "field_required" });
    else if (!canonical || url.startsWith("manual:")) errors.push({ field: "url", code: "csv_url_invalid" });
    if (!title && !text) errors.push({ field: "title", code: "csv_title_or_text" });
    let publishedAt: Date | null = null;
    const rawDate = (cells.date ?? "").trim();
    if (rawDate) {
      publishedAt = parseItemDate(rawDate, offset);
      if (!publishedAt || publishedAt.getTime() > now + FUTURE_SLACK_MS) {
        errors.push({ field: "date", code: "csv_date_invalid", params: { value: rawDate } });
        publishedAt = null;
      }
    }
    const rawKind = (cells.kind ?? "").trim().toLowerCase();
    const kind: ItemKind | undefined = rawKind ? KIND_ALIASES[rawKind] : "news";
    if (!kind) errors.push({ field: "kind", code: "csv_kind_unknown", params: { value: cells.kind ?? "" } });
    if (canonical) {
      const earlier = seen.get(canonical);
      if (earlier !== undefined) errors.push({ field: "url", code: "import_duplicate", params: { value: url, row: earlier } });
      else seen.set(canonical, row);
    }
    if (errors.length) return { ...base, publishedAt, errors };
    const author = (cells.author ?? "").trim();
    const item: RawItem = {
      url,
      title,
      text: text || title,
      kind: kind as ItemKind,
      ...(publishedAt ? { publishedAt } : {}),
      ...(outlet ? { outletName: outlet } : {}),
      ...(author ? { author } : {}),
    };
    return { ...base, publishedAt, item, errors };
  });
}

function present(
  ctx: CommandContext,
  sheet: Pick<MonitoringSheet, "columns" | "ignoredColumns">,
  rows: CheckedRow[],
  token: string,
  expiresAt: Date,
): CsvImportPreview {
  const valid = rows.filter((r) => r.item).length;
  return {
    rows: rows.map((r) => ({
      row: r.row,
      title: r.title,
      url: r.url,
      outlet: r.outlet,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      ok: Boolean(r.item),
      errors: r.errors.map((e) => ({ field: e.field, message: errorMessage(ctx.locale, e.code, e.params) })),
    })),
    valid,
    invalid: rows.length - valid,
    columns: sheet.columns,
    ignoredColumns: sheet.ignoredColumns,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

const zoneOffset = (timeZone: string) => UTC_OFFSET[timeZone as TimeZoneCode] ?? UTC_OFFSET.WIB;

/** Checks every row and keeps the file for 30 minutes under a one-time token; nothing is ingested. */
export async function previewMonitoringCsv(
  tx: Executor,
  ctx: CommandContext,
  input: { organizationId: string; sourceId: string | null; fileName: string; sheet: MonitoringSheet },
): Promise<CsvImportPreview> {
  const actor = actorRequired(ctx);
  const org = await intakeTarget(tx, actor, input.organizationId);
  const source = await intakeSource(tx, org.id, input.sourceId, CSV_SOURCE_KINDS);
  const checked = checkRows(input.sheet.rows, zoneOffset(org.timeZone));
  const token = newSecret();
  const expiresAt = new Date(Date.now() + IMPORT_TTL_MS);
  await tx.delete(monitoringCsvImports).where(lt(monitoringCsvImports.expiresAt, new Date()));
  await tx.insert(monitoringCsvImports).values({
    id: newId(),
    tokenHash: hashSecret(token),
    ...ownedBy(actor),
    organizationId: org.id,
    sourceId: source?.id ?? null,
    fileName: input.fileName.slice(0, 200),
    rows: { rows: input.sheet.rows, columns: input.sheet.columns, ignoredColumns: input.sheet.ignoredColumns },
    validRows: checked.filter((r) => r.item).map((r) => r.row),
    expiresAt,
  });
  return present(ctx, input.sheet, checked, token, expiresAt);
}

/**
 * Sends every row the preview showed as valid through the pipeline in one transaction; invalid
 * rows are skipped (they were listed with their line numbers). A row the pipeline still refuses
 * is reported by its line, and the other rows go in.
 */
export async function commitMonitoringCsv(tx: Executor, ctx: CommandContext, token: string): Promise<z.infer<typeof csvImportResult>> {
  const actor = actorRequired(ctx);
  const owner = ownedBy(actor);
  const [upload] = await tx
    .select()
    .from(monitoringCsvImports)
    .where(eq(monitoringCsvImports.tokenHash, hashSecret(token)))
    .for("update")
    .limit(1);
  if (!upload || upload.userId !== owner.userId || upload.apiTokenId !== owner.apiTokenId || upload.expiresAt < new Date())
    throw new AppError(400, "import_token_invalid");
  if (upload.usedAt) throw new AppError(409, "import_token_used");
  const org = await intakeTarget(tx, actor, upload.organizationId);
  const stored = upload.rows as Pick<MonitoringSheet, "rows" | "columns" | "ignoredColumns">;
  const confirmed = new Set(upload.validRows);
  const checked = checkRows(stored.rows, zoneOffset(org.timeZone)).filter((r) => r.item && confirmed.has(r.row));
  if (checked.length === 0) throw new AppError(400, "import_nothing_valid");
  const result = await ingestItems(tx, { organizationId: org.id, sourceId: upload.sourceId, items: checked.map((r) => r.item as RawItem) });
  const rejected = result.rejected.map((r) => ({
    row: checked[r.index].row,
    message: errorMessage(ctx.locale, "monitoring_item_rejected", { reason: r.message }),
  }));
  const summary = {
    inserted: result.inserted,
    updated: result.updated,
    duplicates: result.duplicates,
    nearDuplicates: result.nearDuplicates,
  };
  await tx
    .update(monitoringCsvImports)
    .set({ usedAt: new Date(), result: { ...summary, rejected } })
    .where(eq(monitoringCsvImports.id, upload.id));
  await recordIntakeOnSource(tx, upload.sourceId, result.inserted);
  await recordAudit(tx, ctx, {
    action: "monitoring_item.csv_import",
    entityType: "monitoring_csv_import",
    entityId: upload.id,
    organizationId: org.id,
    after: { fileName: upload.fileName, rows: checked.length, ...summary, rejected: rejected.length, sourceId: upload.sourceId },
  });
  return { ...summary, rejected };
}
