import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { watchlistBody, watchlistUpdateBody } from "../../../../../common/schemas/monitoring-articles";
import type { Executor } from "../../../../db/client";
import { organizations, watchlists } from "../../../../db/schema";
import { AppError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import { hasAnyRole } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { MONITORING_READERS, watchlistPolicy } from "../../articles/monitoring-articles.policy";
import { compileWatchlist } from "../compile-watchlist";

async function orgPath(tx: Executor, ctx: CommandContext, organizationId: string): Promise<string> {
  const actor = actorRequired(ctx);
  const [org] = await tx.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
  if (!org || !hasAnyRole(actor, org.path, MONITORING_READERS)) throw new AppError(404, "not_found");
  return org.path;
}

/** The watchlist, if the actor may see it (another subtree's ids are 404). */
export async function findWatchlist(tx: Executor, ctx: CommandContext, id: string) {
  const [row] = await tx
    .select({ w: watchlists, path: organizations.path })
    .from(watchlists)
    .innerJoin(organizations, eq(organizations.id, watchlists.organizationId))
    .where(eq(watchlists.id, id));
  if (!row || row.w.deletedAt || !hasAnyRole(actorRequired(ctx), row.path, MONITORING_READERS)) throw new AppError(404, "not_found");
  return row;
}

export async function createWatchlist(tx: Executor, ctx: CommandContext, body: z.infer<typeof watchlistBody>): Promise<string> {
  const path = await orgPath(tx, ctx, body.organizationId);
  watchlistPolicy.authorize(actorRequired(ctx), "manage", { path });
  const compiled = compileWatchlist(body.entries);
  const id = newId();
  await tx.insert(watchlists).values({
    id,
    organizationId: body.organizationId,
    name: body.name,
    description: body.description,
    entries: body.entries,
    compiledQuery: compiled.query,
    toneTerms: compiled.toneTerms,
    enabled: body.enabled,
    createdBy: ctx.actor?.userId ?? null,
  });
  await recordAudit(tx, ctx, {
    action: "watchlist.create",
    entityType: "watchlist",
    entityId: id,
    organizationId: body.organizationId,
    after: { name: body.name, entries: body.entries, enabled: body.enabled },
  });
  return id;
}

export async function updateWatchlist(tx: Executor, ctx: CommandContext, id: string, body: z.infer<typeof watchlistUpdateBody>) {
  const row = await findWatchlist(tx, ctx, id);
  watchlistPolicy.authorize(actorRequired(ctx), "manage", { path: row.path });
  const entries = body.entries ?? row.w.entries;
  const compiled = compileWatchlist(entries);
  const changes = {
    name: body.name ?? row.w.name,
    description: body.description ?? row.w.description,
    entries,
    compiledQuery: compiled.query,
    toneTerms: compiled.toneTerms,
    enabled: body.enabled ?? row.w.enabled,
  };
  await tx
    .update(watchlists)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(watchlists.id, id));
  await recordAudit(tx, ctx, {
    action: "watchlist.update",
    entityType: "watchlist",
    entityId: id,
    organizationId: row.w.organizationId,
    before: { name: row.w.name, entries: row.w.entries, enabled: row.w.enabled },
    after: { name: changes.name, entries: changes.entries, enabled: changes.enabled },
  });
  return { queryChanged: compiled.query !== row.w.compiledQuery || changes.enabled !== row.w.enabled };
}

/** Soft delete: past mentions and alert rules keep their reference; matching stops. */
export async function deleteWatchlist(tx: Executor, ctx: CommandContext, id: string) {
  const row = await findWatchlist(tx, ctx, id);
  watchlistPolicy.authorize(actorRequired(ctx), "manage", { path: row.path });
  await tx.update(watchlists).set({ deletedAt: new Date(), enabled: false }).where(eq(watchlists.id, id));
  await recordAudit(tx, ctx, {
    action: "watchlist.delete",
    entityType: "watchlist",
    entityId: id,
    organizationId: row.w.organizationId,
    before: { name: row.w.name, entries: row.w.entries },
  });
}
