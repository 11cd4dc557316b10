import { and, eq, isNull, lt } from "drizzle-orm";
import type { z } from "zod";
import { type ErrorCode, errorMessage } from "../../../../common/i18n/errors";
import type { JournalistSheetKey } from "../../../../common/media-relations-enums";
import { createJournalistBody, type JournalistImportPreview } from "../../../../common/schemas/media-relations";
import type { Executor } from "../../../db/client";
import { journalistImports, journalists, mediaOutlets, organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { hashSecret, newSecret } from "../../../lib/tokens";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findRegion } from "../../regions/region-catalog";
import type { JournalistSheetRow } from "../journalist-sheet";
import { journalistPolicy } from "../media-relations.policy";
import { normalizePhone, outletNameKey } from "../normalize";
import { inScope } from "../outlet-queries";
import { createJournalist } from "./write-journalist";

const IMPORT_TTL_MS = 30 * 60 * 1000;
type Input = z.infer<typeof createJournalistBody>;
interface RowError {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}
interface CheckedRow {
  row: number;
  name: string;
  outletName: string | null;
  input: Input | null;
  errors: RowError[];
}

const ownedBy = (actor: Actor) => ({ userId: actor.userId, apiTokenId: actor.tokenId ?? null });
const code = (label: string) => label.trim().toLowerCase().replace(/\s+/g, "_");

/** zod issue → the same field codes the API answers with. */
function issueCode(issue: { code: string; format?: string }): ErrorCode {
  if (issue.code === "invalid_format") return issue.format === "email" ? "field_email" : "field_format";
  if (issue.code === "invalid_value") return "field_enum";
  if (issue.code === "too_small") return "field_too_short";
  if (issue.code === "too_big") return "field_too_long";
  return "field_invalid";
}
/** Sheet column of an input path: `consent.purpose` → consentPurpose, `memberships.0.role` → role. */
const SHEET_FIELD: Record<string, JournalistSheetKey> = {
  "consent.purpose": "consentPurpose",
  "consent.basis": "consentBasis",
  "consent.consentedAt": "consentedAt",
  "consent.source": "consentSource",
  "memberships.0.role": "role",
  "memberships.0.outletId": "outlet",
};

async function checkRows(tx: Executor, actor: Actor, organizationId: string, rows: JournalistSheetRow[]): Promise<CheckedRow[]> {
  // Outlets the actor sees, by normalized name: the sheet names outlets, not ids.
  const outlets = await tx
    .select({ id: mediaOutlets.id, nameKey: mediaOutlets.nameKey, organizationId: mediaOutlets.organizationId })
    .from(mediaOutlets)
    .innerJoin(organizations, eq(organizations.id, mediaOutlets.organizationId))
    .where(and(isNull(mediaOutlets.mergedIntoId), inScope(actor)));
  const byKey = new Map<string, string>();
  // The organization's own outlet wins over a same-named one elsewhere in the subtree.
  for (const o of outlets) if (!byKey.has(o.nameKey) || o.organizationId === organizationId) byKey.set(o.nameKey, o.id);
  const existing = await tx
    .select({ email: journalists.email, phone: journalists.phone, name: journalists.name })
    .from(journalists)
    .where(and(eq(journalists.organizationId, organizationId), isNull(journalists.erasedAt)));
  const takenEmail = new Map(existing.filter((e) => e.email).map((e) => [e.email as string, e.name]));
  const takenPhone = new Map(existing.filter((e) => e.phone).map((e) => [e.phone as string, e.name]));
  const seen = new Map<string, number>();

  return rows.map(({ row, cells: c }) => {
    const errors: RowError[] = [];
    const text = (k: JournalistSheetKey) => (c[k] ?? "").trim();
    const outletName = text("outlet") || null;
    let outletId: string | null = null;
    if (outletName) {
      outletId = byKey.get(outletNameKey(outletName)) ?? null;
      if (!outletId) errors.push({ field: "outlet", code: "import_outlet_unknown", params: { name: outletName } });
    }
    const consentGiven = ["consentPurpose", "consentBasis", "consentedAt", "consentSource"].some((k) => text(k as JournalistSheetKey));
    const raw = {
      organizationId,
      name: text("name"),
      memberships: outletId ? [{ outletId, role: code(text("role") || "reporter") }] : [],
      beats: text("beats")
        .split(/[;,]/)
        .map((b) => b.trim())
        .filter(Boolean),
      regionCode: text("regionCode") || null,
      ukwLevel: text("ukwLevel") ? text("ukwLevel").toLowerCase() : null,
      ukwCertificateNumber: text("ukwCertificateNumber") || null,
      ukwCertificateDate: text("ukwCertificateDate") || null,
      email: text("email") || null,
      phone: text("phone") || null,
      whatsapp: text("whatsapp") || null,
      consent: consentGiven
        ? { purpose: text("consentPurpose"), basis: text("consentBasis"), consentedAt: text("consentedAt"), source: text("consentSource") }
        : null,
      notes: text("notes") || null,
    };
    const parsed = createJournalistBody.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        const field = SHEET_FIELD[path] ?? path.split(".")[0];
        if (!errors.some((e) => e.field === field)) errors.push({ field, code: issueCode(issue as { code: string; format?: string }) });
      }
    }
    const input = parsed.success ? parsed.data : null;
    if (raw.regionCode && !findRegion(raw.regionCode)) errors.push({ field: "regionCode", code: "region_unknown" });
    for (const f of ["phone", "whatsapp"] as const) {
      if (raw[f] && !normalizePhone(raw[f])) errors.push({ field: f, code: "phone_invalid" });
    }
    const email = input?.email ?? null;
    const phone = raw.phone ? normalizePhone(raw.phone) : null;
    for (const [field, value, taken] of [
      ["email", email, takenEmail],
      ["phone", phone, takenPhone],
    ] as const) {
      if (!value) continue;
      const owner = taken.get(value);
      if (owner) errors.push({ field, code: "journalist_contact_duplicate", params: { name: owner } });
      const earlier = seen.get(`${field}:${value}`);
      if (earlier !== undefined) errors.push({ field, code: "import_duplicate", params: { value, row: earlier } });
      else seen.set(`${field}:${value}`, row);
    }
    return { row, name: raw.name, outletName, input: errors.length ? null : input, errors };
  });
}

function present(ctx: CommandContext, rows: CheckedRow[], token: string, expiresAt: Date): JournalistImportPreview {
  const valid = rows.filter((r) => r.input).length;
  return {
    rows: rows.map((r) => ({
      row: r.row,
      name: r.name,
      outletName: r.outletName,
      ok: Boolean(r.input),
      errors: r.errors.map((e) => ({ field: e.field, message: errorMessage(ctx.locale, e.code, e.params) })),
    })),
    valid,
    invalid: rows.length - valid,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

async function importTarget(tx: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(tx, actor, organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  journalistPolicy.authorize(actor, "manage", { path: org.path });
  return org;
}

/** Checks the rows and keeps them for 30 minutes under a one-time token; nothing is written. */
export async function previewJournalistImport(
  tx: Executor,
  ctx: CommandContext,
  organizationId: string,
  rows: JournalistSheetRow[],
): Promise<JournalistImportPreview> {
  const actor = actorRequired(ctx);
  const org = await importTarget(tx, actor, organizationId);
  const checked = await checkRows(tx, actor, org.id, rows);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + IMPORT_TTL_MS);
  await tx.delete(journalistImports).where(lt(journalistImports.expiresAt, new Date()));
  await tx.insert(journalistImports).values({
    id: newId(),
    tokenHash: hashSecret(token),
    ...ownedBy(actor),
    organizationId: org.id,
    rows,
    validRows: checked.filter((r) => r.input).map((r) => r.row),
    expiresAt,
  });
  return present(ctx, checked, token, expiresAt);
}

export type CommitResult = { created: number } | { conflict: JournalistImportPreview };

/**
 * The officer import's semantics: every row the preview showed as valid is written, invalid
 * rows are skipped, all in one transaction. Rows are checked again first; if a confirmed row is
 * no longer valid nothing is written and the fresh preview goes back to be confirmed.
 */
export async function commitJournalistImport(tx: Executor, ctx: CommandContext, token: string): Promise<CommitResult> {
  const actor = actorRequired(ctx);
  const owner = ownedBy(actor);
  const [upload] = await tx
    .select()
    .from(journalistImports)
    .where(eq(journalistImports.tokenHash, hashSecret(token)))
    .for("update")
    .limit(1);
  if (!upload || upload.userId !== owner.userId || upload.apiTokenId !== owner.apiTokenId || upload.expiresAt < new Date())
    throw new AppError(400, "import_token_invalid");
  if (upload.usedAt) throw new AppError(409, "import_token_used");
  await importTarget(tx, actor, upload.organizationId);
  const checked = await checkRows(tx, actor, upload.organizationId, upload.rows as JournalistSheetRow[]);
  const nowValid = new Set(checked.filter((r) => r.input).map((r) => r.row));
  if (upload.validRows.some((row) => !nowValid.has(row))) {
    await tx
      .update(journalistImports)
      .set({ validRows: [...nowValid] })
      .where(eq(journalistImports.id, upload.id));
    return { conflict: present(ctx, checked, token, upload.expiresAt) };
  }
  if (upload.validRows.length === 0) throw new AppError(400, "import_nothing_valid");
  const confirmed = new Set(upload.validRows);
  let created = 0;
  for (const r of checked) {
    if (!r.input || !confirmed.has(r.row)) continue;
    await createJournalist(tx, ctx, r.input);
    created++;
  }
  await tx.update(journalistImports).set({ usedAt: new Date() }).where(eq(journalistImports.id, upload.id));
  return { created };
}
