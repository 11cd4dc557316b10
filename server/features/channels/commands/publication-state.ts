import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { channelAccounts, contentPublications } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";
import type { PublishResult } from "../connectors/connector";

/**
 * The publication row is the idempotency record. Its states:
 *   pending     → not yet attempted, or waiting for an automatic retry (last_error says why)
 *   publishing  → an attempt is under way (or its worker died: the lease below tells)
 *   published   → done; external_id and url recorded
 *   failed      → needs a person (credentials, a rejected post, or an uncertain outcome);
 *                 only an explicit retry moves it back to pending
 * Only `pending` is claimed automatically, so nothing re-sends a failed post by itself.
 */
export type PublicationRow = typeof contentPublications.$inferSelect;

/** How long an attempt may run before its row counts as abandoned by a crashed worker. */
export const LEASE_MS = 10 * 60_000;

/** Attempts before automatic retries stop (the publish job's retryLimit + 1). */
export const MAX_ATTEMPTS = 6;

export interface Claim {
  row: PublicationRow;
  /** When the attempt whose outcome we look for began (for findExisting). */
  since: Date;
}

/** Atomically takes a pending publication: exactly one caller gets the row. */
export async function claimPending(db: Db, id: string): Promise<Claim | null> {
  const [row] = await db
    .update(contentPublications)
    .set({ status: "publishing", attempts: sql`${contentPublications.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contentPublications.id, id), eq(contentPublications.status, "pending")))
    .returning();
  return row ? { row, since: row.updatedAt } : null;
}

/**
 * Takes over a row left in `publishing` longer than the lease (its worker crashed or lost the
 * answer). The row lock makes concurrent recoverers wait and then see the fresh lease.
 */
export async function reclaimStale(db: Db, id: string, leaseMs = LEASE_MS): Promise<Claim | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(contentPublications).where(eq(contentPublications.id, id)).for("update");
    if (before?.status !== "publishing") return null;
    const [row] = await tx
      .update(contentPublications)
      .set({ attempts: sql`${contentPublications.attempts} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(contentPublications.id, id),
          eq(contentPublications.status, "publishing"),
          sql`${contentPublications.updatedAt} < now() - (${leaseMs} * interval '1 millisecond')`,
        ),
      )
      .returning();
    return row ? { row, since: before.updatedAt } : null;
  });
}

const system = { actor: null, ip: null };

export async function markPublished(db: Db, row: PublicationRow, result: PublishResult, recovered = false) {
  await db.transaction(async (tx) => {
    await tx
      .update(contentPublications)
      .set({ status: "published", externalId: result.externalId, url: result.url, publishedAt: sql`now()`, lastError: null })
      .where(eq(contentPublications.id, row.id));
    // A post that went through proves the credentials work again.
    await tx
      .update(channelAccounts)
      .set({ status: "active", lastError: null })
      .where(and(eq(channelAccounts.id, row.channelAccountId), eq(channelAccounts.status, "error")));
    await recordAudit(tx, system, {
      action: "channel.publication.published",
      entityType: "content_publication",
      entityId: row.id,
      organizationId: row.organizationId,
      after: {
        contentId: row.contentId,
        channelAccountId: row.channelAccountId,
        externalId: result.externalId,
        url: result.url,
        recovered,
      },
    });
  });
}

/** A final failure: a person decides what happens next. `accountError` also flags the account. */
export async function markFailed(db: Db, row: PublicationRow, message: string, accountError = false) {
  await db.transaction(async (tx) => {
    await tx.update(contentPublications).set({ status: "failed", lastError: message }).where(eq(contentPublications.id, row.id));
    if (accountError)
      await tx.update(channelAccounts).set({ status: "error", lastError: message }).where(eq(channelAccounts.id, row.channelAccountId));
    await recordAudit(tx, system, {
      action: "channel.publication.failed",
      entityType: "content_publication",
      entityId: row.id,
      organizationId: row.organizationId,
      after: { contentId: row.contentId, channelAccountId: row.channelAccountId, error: message, attempts: row.attempts },
    });
  });
}

/** Back to pending for the automatic retry (the job rethrows so the queue schedules it). */
export async function markRetry(db: Db, row: PublicationRow, message: string) {
  await db.update(contentPublications).set({ status: "pending", lastError: message }).where(eq(contentPublications.id, row.id));
}

/** Stays `publishing` (the lease is kept) with a note; the sweeper recovers it after the lease. */
export async function noteWaiting(db: Db, row: PublicationRow, message: string) {
  await db.update(contentPublications).set({ lastError: message }).where(eq(contentPublications.id, row.id));
}
