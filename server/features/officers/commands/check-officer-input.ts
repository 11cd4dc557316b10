import { and, eq, ne } from "drizzle-orm";
import type { ErrorCode } from "../../../../common/i18n/errors";
import { parseNip } from "../../../../common/nip";
import { type Golongan, golonganFits, JENJANG_INFO, type Jenjang } from "../../../../common/pranata-humas";
import type { Executor } from "../../../db/client";
import { officers } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { Actor } from "../../../policies/core";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findVisibleUser } from "../../users/user-queries";
import { registryPolicy } from "../officer.policy";
import { findVisibleOfficer } from "../officer-queries";

export function checkNip(nip: string) {
  const parsed = parseNip(nip);
  if (!parsed.ok) throw fieldError("nip", `nip_${parsed.problem}` as ErrorCode);
  return { nip: nip.replace(/\s+/g, ""), ...parsed.parts };
}

export function checkGolongan(jenjang: Jenjang, golongan: Golongan) {
  if (!golonganFits(jenjang, golongan)) {
    const [lo, hi] = JENJANG_INFO[jenjang].golongan;
    throw fieldError("golongan", "golongan_mismatch", { golongan, jenjang: JENJANG_INFO[jenjang].name, range: `${lo}–${hi}` });
  }
}

/** The organization the record goes to, where the actor keeps the registry. */
export async function checkOrganization(tx: Executor, actor: Actor, organizationId: string) {
  const org = await findVisibleOrganization(tx, actor, organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  registryPolicy.authorize(actor, "create", org);
  return org;
}

export async function checkSupervisor(tx: Executor, actor: Actor, supervisorId: string | null | undefined, selfId?: string) {
  if (!supervisorId) return;
  if (supervisorId === selfId) throw fieldError("supervisorId", "supervisor_self");
  await findVisibleOfficer(tx, actor, supervisorId).catch(() => {
    throw fieldError("supervisorId", "not_found", {}, 404);
  });
}

/** A linked account must be one the actor can see, and not linked to another officer. */
export async function checkUserLink(tx: Executor, actor: Actor, userId: string | null | undefined, selfId?: string) {
  if (!userId) return;
  await findVisibleUser(tx, actor, userId).catch(() => {
    throw fieldError("userId", "not_found", {}, 404);
  });
  const [other] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.userId, userId), selfId ? ne(officers.id, selfId) : undefined))
    .limit(1);
  if (other) throw fieldError("userId", "user_linked", {}, 409);
}
