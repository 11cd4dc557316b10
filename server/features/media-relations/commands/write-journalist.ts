import { and, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { createJournalistBody, updateJournalistBody } from "../../../../common/schemas/media-relations";
import type { Executor } from "../../../db/client";
import { journalistMemberships, journalists, mediaOutlets, organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findRegion } from "../../regions/region-catalog";
import { findVisibleJournalist } from "../journalist-queries";
import { journalistPolicy } from "../media-relations.policy";
import { normalizePhone } from "../normalize";
import { inScope } from "../outlet-queries";

type JournalistInput = z.infer<typeof updateJournalistBody>;

/** Phone and WhatsApp in one stored form (+62…); a number we cannot read is a precise 400. */
function normalizeContacts(input: JournalistInput) {
  const out: { phone?: string | null; whatsapp?: string | null } = {};
  for (const f of ["phone", "whatsapp"] as const) {
    const v = input[f];
    if (v === undefined) continue;
    if (v === null || v === "") {
      out[f] = null;
      continue;
    }
    const n = normalizePhone(v);
    if (!n) throw fieldError(f, "phone_invalid");
    out[f] = n;
  }
  return out;
}

/** Outlets named in memberships must be live outlets the actor sees. */
async function checkMemberships(tx: Executor, actor: Actor, memberships: JournalistInput["memberships"]) {
  if (!memberships?.length) return;
  const ids = [...new Set(memberships.map((m) => m.outletId))];
  const found = await tx
    .select({ id: mediaOutlets.id })
    .from(mediaOutlets)
    .innerJoin(organizations, eq(organizations.id, mediaOutlets.organizationId))
    .where(and(inArray(mediaOutlets.id, ids), isNull(mediaOutlets.mergedIntoId), inScope(actor)));
  const known = new Set(found.map((f) => f.id));
  const index = memberships.findIndex((m) => !known.has(m.outletId));
  if (index >= 0) throw fieldError(`memberships.${index}.outletId`, "not_found", {}, 404);
}

/** Another live journalist of the same organization with this email or phone → 409 naming them. */
async function checkDuplicateContact(tx: Executor, organizationId: string, email: string | null, phone: string | null, exceptId?: string) {
  const same: SQL[] = [];
  if (email) same.push(eq(journalists.email, email));
  if (phone) same.push(eq(journalists.phone, phone));
  if (!same.length) return;
  const [dup] = await tx
    .select({ id: journalists.id, name: journalists.name, email: journalists.email })
    .from(journalists)
    .where(
      and(
        eq(journalists.organizationId, organizationId),
        isNull(journalists.erasedAt),
        or(...same),
        exceptId ? ne(journalists.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (dup) {
    throw new AppError(
      409,
      "journalist_contact_duplicate",
      { name: dup.name, id: dup.id },
      {
        [email && dup.email === email ? "email" : "phone"]: {
          code: "journalist_contact_duplicate",
          params: { name: dup.name, id: dup.id },
        },
      },
    );
  }
}

function checkFields(input: JournalistInput) {
  if (input.regionCode && !findRegion(input.regionCode)) throw fieldError("regionCode", "region_unknown");
}

async function replaceMemberships(tx: Executor, journalistId: string, memberships: JournalistInput["memberships"]) {
  if (memberships === undefined) return;
  await tx.delete(journalistMemberships).where(eq(journalistMemberships.journalistId, journalistId));
  if (memberships.length) {
    await tx
      .insert(journalistMemberships)
      .values(memberships.map((m) => ({ journalistId, outletId: m.outletId, role: m.role })))
      .onConflictDoNothing();
  }
}

/** The audit names the fields that changed, not their values: personal data must be erasable. */
const auditShape = (input: JournalistInput) => ({
  fields: Object.keys(input).filter((k) => k !== "memberships"),
  memberships: input.memberships,
  ukwLevel: input.ukwLevel,
});

export async function createJournalist(tx: Executor, ctx: CommandContext, input: z.infer<typeof createJournalistBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  journalistPolicy.authorize(actor, "manage", { path: org.path });
  checkFields(input);
  const contacts = normalizeContacts(input);
  await checkMemberships(tx, actor, input.memberships);
  await checkDuplicateContact(tx, org.id, input.email ?? null, contacts.phone ?? null);
  const id = newId();
  const { memberships, organizationId, consent, ...fields } = input;
  await tx.insert(journalists).values({
    ...fields,
    ...contacts,
    id,
    organizationId,
    consent: consent ? { ...consent, consentedAt: new Date(consent.consentedAt).toISOString() } : null,
    createdBy: actor.userId,
  });
  await replaceMemberships(tx, id, memberships);
  await recordAudit(tx, ctx, {
    action: "journalist.create",
    entityType: "journalist",
    entityId: id,
    organizationId,
    after: auditShape(input),
  });
  return id;
}

export async function updateJournalist(tx: Executor, ctx: CommandContext, id: string, input: JournalistInput) {
  const actor = actorRequired(ctx);
  const row = await findVisibleJournalist(tx, actor, id);
  journalistPolicy.authorize(actor, "manage", row);
  if (row.erasedAt) throw new AppError(409, "journalist_erased");
  checkFields(input);
  const contacts = normalizeContacts(input);
  await checkMemberships(tx, actor, input.memberships);
  const email = input.email !== undefined ? input.email : row.email;
  const phone = contacts.phone !== undefined ? contacts.phone : row.phone;
  await checkDuplicateContact(tx, row.organizationId, email ?? null, phone ?? null, id);
  const { memberships, consent, ...fields } = input;
  await tx
    .update(journalists)
    .set({
      ...fields,
      ...contacts,
      ...(consent !== undefined
        ? { consent: consent ? { ...consent, consentedAt: new Date(consent.consentedAt).toISOString() } : null }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(journalists.id, id));
  await replaceMemberships(tx, id, memberships);
  await recordAudit(tx, ctx, {
    action: "journalist.update",
    entityType: "journalist",
    entityId: id,
    organizationId: row.organizationId,
    after: auditShape(input),
  });
}
