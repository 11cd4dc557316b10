import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type Golongan, JENJANG_INFO, type Jenjang } from "../../../../common/pranata-humas";
import type { updateOfficerBody } from "../../../../common/schemas/officers";
import type { Executor } from "../../../db/client";
import { officerCareerEvents, officers } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { officerPolicy } from "../officer.policy";
import { findVisibleOfficer } from "../officer-queries";
import { checkGolongan, checkOrganization, checkSupervisor, checkUserLink } from "./check-officer-input";

/** Edits an officer; a new jenjang, golongan or placement also goes into the career history. */
export async function updateOfficer(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateOfficerBody>) {
  const actor = actorRequired(ctx);
  const visible = await findVisibleOfficer(tx, actor, id);
  officerPolicy.authorize(actor, "update", visible);
  const [before] = await tx.select().from(officers).where(eq(officers.id, id));
  const jenjang = (input.jenjang ?? before.jenjang) as Jenjang;
  const golongan = (input.golongan ?? before.golongan) as Golongan;
  checkGolongan(jenjang, golongan);
  if (input.organizationId && input.organizationId !== before.organizationId) await checkOrganization(tx, actor, input.organizationId);
  if (input.supervisorId !== undefined) await checkSupervisor(tx, actor, input.supervisorId, id);
  if (input.userId !== undefined) await checkUserLink(tx, actor, input.userId, id);
  const tmtJabatan = input.tmtJabatan ?? before.tmtJabatan;
  const tmtPangkat = input.tmtPangkat ?? before.tmtPangkat;
  const [after] = await tx
    .update(officers)
    .set({
      name: input.name ?? before.name,
      organizationId: input.organizationId ?? before.organizationId,
      userId: input.userId === undefined ? before.userId : input.userId,
      kategori: JENJANG_INFO[jenjang].kategori,
      jenjang,
      golongan,
      tmtJabatan,
      tmtPangkat,
      supervisorId: input.supervisorId === undefined ? before.supervisorId : input.supervisorId,
      education: input.education === undefined ? before.education : input.education,
      email: input.email === undefined ? before.email : input.email,
      phone: input.phone === undefined ? before.phone : input.phone,
      akAwal: input.akAwal ?? before.akAwal,
      updatedAt: new Date(),
    })
    .where(eq(officers.id, id))
    .returning();
  const events = [
    jenjang !== before.jenjang && { kind: "jenjang", fromValue: before.jenjang, toValue: jenjang, effectiveDate: tmtJabatan },
    golongan !== before.golongan && { kind: "pangkat", fromValue: before.golongan, toValue: golongan, effectiveDate: tmtPangkat },
    after.organizationId !== before.organizationId && {
      kind: "organization",
      fromValue: before.organizationId,
      toValue: after.organizationId,
      effectiveDate: new Date().toISOString().slice(0, 10),
    },
  ].filter((e): e is { kind: string; fromValue: string; toValue: string; effectiveDate: string } => Boolean(e));
  if (events.length)
    await tx.insert(officerCareerEvents).values(events.map((e) => ({ id: newId(), officerId: id, recordedBy: actor.userId, ...e })));
  const shape = (r: typeof before) => ({ ...r, createdAt: undefined, updatedAt: undefined });
  await recordAudit(tx, ctx, {
    action: "officer.update",
    entityType: "officer",
    entityId: id,
    organizationId: after.organizationId,
    before: shape(before),
    after: shape(after),
  });
  return after;
}
