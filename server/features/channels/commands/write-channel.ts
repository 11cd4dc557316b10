import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { createChannelBody, updateChannelBody } from "../../../../common/schemas/channels";
import type { Executor } from "../../../db/client";
import { channelAccounts } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { publicConfig, sealConnection } from "../account-secrets";
import { channelAccountPolicy } from "../channel.policy";
import { findVisibleAccount, visibleOrganization } from "../channel-queries";
import type { CheckResult } from "../connectors/connector";
import { storeCheck } from "./check-channel";

/** What the audit log keeps of an account: never the secret. */
const auditShape = (a: {
  name: string;
  platform: string;
  config: Record<string, string>;
  active: boolean;
  tokenExpiresAt: Date | null;
}) => ({
  name: a.name,
  platform: a.platform,
  config: publicConfig(a.platform, a.config),
  active: a.active,
  tokenExpiresAt: a.tokenExpiresAt,
});

export async function createChannel(tx: Executor, ctx: CommandContext, input: z.infer<typeof createChannelBody>): Promise<string> {
  const actor = actorRequired(ctx);
  const org = await visibleOrganization(tx, actor, input.organizationId);
  if (!org) throw fieldError("organizationId", "not_found", {}, 404);
  channelAccountPolicy.authorize(actor, "manage", { path: org.path });
  if (!org.active) throw fieldError("organizationId", "organization_inactive");
  const id = newId();
  const { config, secretEnc } = sealConnection(ctx.services.env, id, input.connection);
  const values = {
    id,
    organizationId: org.id,
    platform: input.connection.platform,
    name: input.name,
    config,
    secretEnc,
    tokenExpiresAt: input.tokenExpiresAt ? new Date(input.tokenExpiresAt) : null,
    createdBy: actor.userId,
    active: true,
  };
  await tx.insert(channelAccounts).values(values);
  await recordAudit(tx, ctx, {
    action: "channel_account.create",
    entityType: "channel_account",
    entityId: id,
    organizationId: org.id,
    after: auditShape(values),
  });
  return id;
}

export async function updateChannel(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateChannelBody>) {
  const actor = actorRequired(ctx);
  const account = await findVisibleAccount(tx, actor, id);
  channelAccountPolicy.authorize(actor, "manage", account);
  if (input.connection && input.connection.platform !== account.platform)
    throw fieldError("connection.platform", "channel_platform_change");
  const sealed = input.connection ? sealConnection(ctx.services.env, id, input.connection) : null;
  const [after] = await tx
    .update(channelAccounts)
    .set({
      name: input.name ?? account.name,
      tokenExpiresAt:
        input.tokenExpiresAt === undefined ? account.tokenExpiresAt : input.tokenExpiresAt ? new Date(input.tokenExpiresAt) : null,
      active: input.active ?? account.active,
      // New credentials: the old error no longer applies until the next check says otherwise.
      ...(sealed
        ? { config: sealed.config, secretEnc: sealed.secretEnc, status: "active", lastError: null, lastCheckedAt: null, alertedAt: null }
        : {}),
    })
    .where(eq(channelAccounts.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: sealed ? "channel_account.reconnect" : "channel_account.update",
    entityType: "channel_account",
    entityId: id,
    organizationId: account.organizationId,
    before: auditShape(account),
    after: auditShape(after),
  });
}

/** Deactivation keeps the row (publications refer to it); it is no longer offered or posted to. */
export async function deactivateChannel(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const account = await findVisibleAccount(tx, actor, id);
  channelAccountPolicy.authorize(actor, "manage", account);
  if (!account.active) return;
  await tx.update(channelAccounts).set({ active: false }).where(eq(channelAccounts.id, id));
  await recordAudit(tx, ctx, {
    action: "channel_account.deactivate",
    entityType: "channel_account",
    entityId: id,
    organizationId: account.organizationId,
    before: { active: true },
    after: { active: false },
  });
}

/** Loads and authorizes the account whose connection a person is about to test. */
export async function accountToCheck(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const account = await findVisibleAccount(tx, actor, id);
  channelAccountPolicy.authorize(actor, "manage", account);
  return account;
}

export async function recordCheck(tx: Executor, ctx: CommandContext, id: string, organizationId: string, result: CheckResult) {
  await storeCheck(tx, id, result);
  await recordAudit(tx, ctx, {
    action: "channel_account.check",
    entityType: "channel_account",
    entityId: id,
    organizationId,
    after: { ok: result.ok, error: result.error ?? null },
  });
}
