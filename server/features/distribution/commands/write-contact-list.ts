import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { createContactListBody, updateContactListBody } from "../../../../common/schemas/distribution";
import type { Executor } from "../../../db/client";
import { contactListMembers, contactLists, journalists, organizations } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../media-relations/outlet-queries";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findVisibleList, memberIdsOf } from "../contact-list-queries";
import { contactListPolicy } from "../distribution.policy";
import { ruleError } from "../errors";

/**
 * The chosen journalists must be visible to the actor and lie in the list's subtree (a list never
 * reaches outside its organization); an unknown or foreign id is a 404 on `journalistIds`.
 */
async function checkMembers(tx: Executor, actor: Actor, path: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const rows = await tx
    .select({ id: journalists.id, path: organizations.path, erasedAt: journalists.erasedAt })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(and(inArray(journalists.id, unique), inScope(actor)));
  const ok = new Set(rows.filter((r) => r.path.startsWith(path)).map((r) => r.id));
  const missing = unique.findIndex((id) => !ok.has(id));
  if (missing >= 0) throw fieldError(`journalistIds.${ids.indexOf(unique[missing])}`, "not_found", {}, 404);
  if (rows.some((r) => r.erasedAt)) throw ruleError(409, "journalistIds", "journalist_erased");
  return unique;
}

async function replaceMembers(tx: Executor, listId: string, ids: string[]) {
  await tx.delete(contactListMembers).where(eq(contactListMembers.listId, listId));
  if (ids.length) await tx.insert(contactListMembers).values(ids.map((journalistId) => ({ listId, journalistId })));
}

export async function createContactList(tx: Executor, ctx: CommandContext, input: z.infer<typeof createContactListBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId);
  contactListPolicy.authorize(actor, "manage", org);
  if (input.kind === "static" && input.filters && Object.keys(input.filters).length)
    throw ruleError(400, "filters", "contact_list_static_filters");
  if (input.kind === "dynamic" && input.journalistIds?.length) throw ruleError(400, "journalistIds", "contact_list_dynamic_members");
  const members = input.kind === "static" ? await checkMembers(tx, actor, org.path, input.journalistIds ?? []) : [];
  const id = newId();
  const row = {
    id,
    organizationId: org.id,
    name: input.name,
    description: input.description ?? "",
    kind: input.kind,
    filters: input.kind === "dynamic" ? (input.filters ?? {}) : {},
    createdBy: actor.userId,
  };
  await tx.insert(contactLists).values(row);
  await replaceMembers(tx, id, members);
  await recordAudit(tx, ctx, {
    action: "contact_list.create",
    entityType: "contact_list",
    entityId: id,
    organizationId: org.id,
    after: { ...row, journalistIds: members },
  });
  return id;
}

export async function updateContactList(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateContactListBody>) {
  const actor = actorRequired(ctx);
  const list = await findVisibleList(tx, actor, id);
  contactListPolicy.authorize(actor, "manage", list);
  if (list.kind === "static" && input.filters && Object.keys(input.filters).length)
    throw ruleError(400, "filters", "contact_list_static_filters");
  if (list.kind === "dynamic" && input.journalistIds?.length) throw ruleError(400, "journalistIds", "contact_list_dynamic_members");
  const beforeMembers = await memberIdsOf(tx, id);
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(list.kind === "dynamic" && input.filters ? { filters: input.filters } : {}),
    updatedAt: new Date(),
  };
  await tx.update(contactLists).set(set).where(eq(contactLists.id, id));
  let members = beforeMembers;
  if (list.kind === "static" && input.journalistIds) {
    members = await checkMembers(tx, actor, list.path, input.journalistIds);
    await replaceMembers(tx, id, members);
  }
  await recordAudit(tx, ctx, {
    action: "contact_list.update",
    entityType: "contact_list",
    entityId: id,
    organizationId: list.organizationId,
    before: { name: list.name, description: list.description, filters: list.filters, journalistIds: beforeMembers },
    after: { ...set, journalistIds: members },
  });
}

/** Deleting a list leaves past sends intact: they keep the list's name and their recipients. */
export async function deleteContactList(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const list = await findVisibleList(tx, actor, id);
  contactListPolicy.authorize(actor, "manage", list);
  const members = await memberIdsOf(tx, id);
  await tx.delete(contactLists).where(eq(contactLists.id, id));
  await recordAudit(tx, ctx, {
    action: "contact_list.delete",
    entityType: "contact_list",
    entityId: id,
    organizationId: list.organizationId,
    before: { name: list.name, kind: list.kind, filters: list.filters, journalistIds: members },
  });
}
