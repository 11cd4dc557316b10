import type { ChannelAccountView, ChannelHealth, ChannelPlatform } from "../../../common/schemas/channels";
import type { Actor } from "../../policies/core";
import { HINT_KEY, publicConfig } from "./account-secrets";
import { channelAccountPolicy } from "./channel.policy";
import type { AccountRow } from "./channel-queries";

/** Tokens expiring within this window show as "segera kedaluwarsa" and trigger an alert. */
export const EXPIRY_WARNING_MS = 7 * 86_400_000;

export function healthOf(row: Pick<AccountRow, "active" | "status" | "tokenExpiresAt">, now = Date.now()): ChannelHealth {
  if (!row.active) return "inactive";
  if (row.status === "error") return "error";
  if (row.tokenExpiresAt && row.tokenExpiresAt.getTime() - now < EXPIRY_WARNING_MS) return "expiring";
  return "active";
}

/** Whitelisted fields: never the secret, only whether there is one and a masked hint. */
export function presentAccount(row: AccountRow, actor: Actor): ChannelAccountView {
  return {
    id: row.id,
    platform: row.platform as ChannelPlatform,
    name: row.name,
    organization: { id: row.organizationId, name: row.organizationName, shortName: row.organizationShortName },
    config: publicConfig(row.platform, row.config),
    hasSecret: Boolean(row.secretEnc),
    secretHint: row.secretEnc ? (row.config[HINT_KEY] ?? "••••") : null,
    health: healthOf(row),
    lastError: row.lastError,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    can: channelAccountPolicy.abilities(actor, row),
  };
}
