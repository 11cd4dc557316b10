import { and, eq, lt } from "drizzle-orm";
import { errorMessage } from "../../../../common/i18n/errors";
import type { OfficerImportPreview } from "../../../../common/schemas/officer-import";
import type { Executor } from "../../../db/client";
import { officerImports } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { hashSecret, newSecret } from "../../../lib/tokens";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { OFFICER_KEEPERS } from "../officer.policy";
import type { SheetRow } from "../officer-sheet";
import { type CheckedRow, checkImportRows, writeOrder } from "./check-import-rows";
import { insertOfficer } from "./create-officer";

const IMPORT_TTL_MS = 30 * 60 * 1000;

/** Only someone who keeps the registry somewhere may import; each row's organization is checked too. */
function importingActor(ctx: CommandContext): Actor {
  const actor = actorRequired(ctx);
  if (!actor.grants.some((g) => OFFICER_KEEPERS.includes(g.role))) throw new AppError(403, "forbidden");
  return actor;
}

const ownedBy = (actor: Actor) => ({ userId: actor.userId, apiTokenId: actor.tokenId ?? null });

function present(ctx: CommandContext, rows: CheckedRow[], token: string, expiresAt: Date): OfficerImportPreview {
  const valid = rows.filter((r) => r.officer).length;
  return {
    rows: rows.map((r) => ({
      row: r.row,
      nip: r.nip,
      name: r.name,
      organizationName: r.organizationName,
      ok: Boolean(r.officer),
      errors: r.errors.map((e) => ({ field: e.field, message: errorMessage(ctx.locale, e.code, e.params) })),
    })),
    valid,
    invalid: rows.length - valid,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Checks the parsed rows and keeps them for 30 minutes under a one-time token. No officer is
 * written: the operator confirms with the token.
 */
export async function previewOfficerImport(tx: Executor, ctx: CommandContext, rows: SheetRow[]): Promise<OfficerImportPreview> {
  const actor = importingActor(ctx);
  const checked = await checkImportRows(tx, actor, rows);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + IMPORT_TTL_MS);
  // Expired uploads are of no use to anyone: sweep them on the way.
  await tx.delete(officerImports).where(lt(officerImports.expiresAt, new Date()));
  await tx.insert(officerImports).values({
    id: newId(),
    tokenHash: hashSecret(token),
    ...ownedBy(actor),
    rows,
    validRows: checked.filter((r) => r.officer).map((r) => r.row),
    expiresAt,
  });
  return present(ctx, checked, token, expiresAt);
}

export type CommitResult = { created: number } | { conflict: OfficerImportPreview };

/**
 * Writes every row the preview showed as valid, all in the caller's one transaction. Every row
 * is checked again first (scope, NIPs and accounts may have changed); if a confirmed row is no
 * longer valid nothing is written and the fresh preview goes back to be confirmed again.
 */
export async function commitOfficerImport(tx: Executor, ctx: CommandContext, token: string): Promise<CommitResult> {
  const actor = importingActor(ctx);
  const owner = ownedBy(actor);
  // Locked, so that two confirmations of one upload cannot both write.
  const [upload] = await tx
    .select()
    .from(officerImports)
    .where(and(eq(officerImports.tokenHash, hashSecret(token))))
    .for("update")
    .limit(1);
  // Someone else's token reads as unknown.
  if (!upload || upload.userId !== owner.userId || upload.apiTokenId !== owner.apiTokenId || upload.expiresAt < new Date())
    throw new AppError(400, "import_token_invalid");
  if (upload.usedAt) throw new AppError(409, "import_token_used");
  const checked = await checkImportRows(tx, actor, upload.rows as SheetRow[]);
  const nowValid = new Set(checked.filter((r) => r.officer).map((r) => r.row));
  if (upload.validRows.some((row) => !nowValid.has(row))) {
    // What the operator sees next is what a new confirmation writes.
    await tx
      .update(officerImports)
      .set({ validRows: [...nowValid] })
      .where(eq(officerImports.id, upload.id));
    return { conflict: present(ctx, checked, token, upload.expiresAt) };
  }
  if (upload.validRows.length === 0) throw new AppError(400, "import_nothing_valid");
  const rows = writeOrder(checked, new Set(upload.validRows));
  for (const r of rows) if (r.officer) await insertOfficer(tx, ctx, r.officer);
  await tx.update(officerImports).set({ usedAt: new Date() }).where(eq(officerImports.id, upload.id));
  return { created: rows.length };
}
