import { and, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { channelAccounts, contentPublications } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import type { Services } from "../../../services";
import { openAccount } from "../account-secrets";
import type { ConnectorAccount } from "../connectors/connector";
import { connectorFor } from "../connectors/registry";

const WINDOW_MS = 30 * 86_400_000;
/** A little under the cron period, so each run refreshes what the previous one did. */
const REFRESH_MS = 25 * 60_000;

/** Engagement counts for posts of the last 30 days, where the platform reports them. */
export async function collectEngagement(services: Services, now = new Date()) {
  const { db, env, logger } = services;
  const rows = await db
    .select({
      id: contentPublications.id,
      externalId: contentPublications.externalId,
      account: {
        id: channelAccounts.id,
        name: channelAccounts.name,
        platform: channelAccounts.platform,
        config: channelAccounts.config,
        secretEnc: channelAccounts.secretEnc,
      },
    })
    .from(contentPublications)
    .innerJoin(channelAccounts, eq(channelAccounts.id, contentPublications.channelAccountId))
    .where(
      and(
        eq(contentPublications.status, "published"),
        isNotNull(contentPublications.externalId),
        gt(contentPublications.publishedAt, new Date(now.getTime() - WINDOW_MS)),
        eq(channelAccounts.active, true),
        or(isNull(contentPublications.engagementAt), lt(contentPublications.engagementAt, new Date(now.getTime() - REFRESH_MS))),
      ),
    )
    .limit(1000);
  const opened = new Map<string, ConnectorAccount>();
  for (const row of rows) {
    const connector = connectorFor(env, row.account.platform);
    if (!connector.engagement || !row.externalId) continue;
    try {
      let account = opened.get(row.account.id);
      if (!account) {
        account = openAccount(env, row.account);
        opened.set(row.account.id, account);
      }
      const counts = await connector.engagement(account, row.externalId);
      await db.update(contentPublications).set({ engagement: counts, engagementAt: sql`now()` }).where(eq(contentPublications.id, row.id));
    } catch (err) {
      // One unreachable post must not stop the others; the next run tries again.
      logger.warn({ err, publicationId: row.id }, "engagement fetch failed");
    }
  }
}

export const engagementJob = defineJob({
  name: "channels.engagement",
  payload: z.object({}),
  cron: "*/30 * * * *",
  retryLimit: 0,
  handler: async (_payload, services) => collectEngagement(services),
});
