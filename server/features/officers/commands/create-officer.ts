import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { NipParts } from "../../../../common/nip";
import { type Golongan, JENJANG_INFO, type Jenjang } from "../../../../common/pranata-humas";
import type { createOfficerBody } from "../../../../common/schemas/officers";
import type { Executor } from "../../../db/client";
import { officerCareerEvents, officers } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { checkGolongan, checkNip, checkOrganization, checkSupervisor, checkUserLink } from "./check-officer-input";

export async function createOfficer(tx: Executor, ctx: CommandContext, input: z.infer<typeof createOfficerBody>) {
  const actor = actorRequired(ctx);
  const nip = checkNip(input.nip);
  checkGolongan(input.jenjang, input.golongan);
  const org = await checkOrganization(tx, actor, input.organizationId);
  await checkSupervisor(tx, actor, input.supervisorId);
  await checkUserLink(tx, actor, input.userId);
  const [taken] = await tx.select({ id: officers.id }).from(officers).where(eq(officers.nip, nip.nip)).limit(1);
  if (taken) throw fieldError("nip", "nip_taken", {}, 409);
  return insertOfficer(tx, ctx, { ...input, nip, organizationId: org.id });
}

/** A checked officer record: the NIP parsed, the organization, supervisor and account verified. */
export interface CheckedOfficer {
  id?: string;
  nip: NipParts & { nip: string };
  name: string;
  organizationId: string;
  userId?: string | null;
  jenjang: Jenjang;
  golongan: Golongan;
  tmtJabatan: string;
  tmtPangkat: string;
  supervisorId?: string | null;
  education?: string | null;
  email?: string | null;
  phone?: string | null;
  akAwal?: number;
}

/**
 * Writes one checked officer: the record, the start of its career history and the audit entry.
 * Registration (one at a time) and the spreadsheet import both go through here.
 */
export async function insertOfficer(tx: Executor, ctx: CommandContext, input: CheckedOfficer) {
  const actor = actorRequired(ctx);
  const { nip } = input;
  const id = input.id ?? newId();
  const [row] = await tx
    .insert(officers)
    .values({
      id,
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      nip: nip.nip,
      name: input.name,
      birthDate: nip.birthDate,
      tmtCpns: nip.tmtCpns,
      sex: nip.sex,
      kategori: JENJANG_INFO[input.jenjang].kategori,
      jenjang: input.jenjang,
      golongan: input.golongan,
      tmtJabatan: input.tmtJabatan,
      tmtPangkat: input.tmtPangkat,
      supervisorId: input.supervisorId ?? null,
      education: input.education ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      akAwal: input.akAwal ?? 0,
    })
    .returning();
  // The starting point of the career history.
  await tx.insert(officerCareerEvents).values([
    {
      id: newId(),
      officerId: id,
      kind: "jenjang",
      fromValue: null,
      toValue: input.jenjang,
      effectiveDate: input.tmtJabatan,
      recordedBy: actor.userId,
    },
    {
      id: newId(),
      officerId: id,
      kind: "pangkat",
      fromValue: null,
      toValue: input.golongan,
      effectiveDate: input.tmtPangkat,
      recordedBy: actor.userId,
    },
  ]);
  await recordAudit(tx, ctx, {
    action: "officer.create",
    entityType: "officer",
    entityId: id,
    organizationId: input.organizationId,
    after: { ...row, createdAt: undefined, updatedAt: undefined },
  });
  return row;
}
