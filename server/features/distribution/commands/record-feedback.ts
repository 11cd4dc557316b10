import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { distributionRecipients, distributionUnsubscribes, organizations } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../media-relations/outlet-queries";
import { distributionPolicy } from "../distribution.policy";
import { isPermanentFailure, type ParsedBounce } from "../dsn";

/**
 * Applies a parsed DSN: finds the message by its Message-ID (ours are <recipient-id@domain>),
 * else the latest accepted or deferred message to the failed address within the actor's scope.
 * A permanent failure makes it bounced; a delayed one (action "delayed") makes it deferred.
 */
export async function recordBounce(tx: Executor, ctx: CommandContext, bounce: ParsedBounce) {
  const actor = actorRequired(ctx);
  const failure =
    bounce.recipients.find(isPermanentFailure) ?? bounce.recipients.find((r) => r.action === "delayed") ?? bounce.recipients[0];
  const none = {
    matched: false,
    recipientId: null,
    status: null,
    action: failure?.action ?? null,
    diagnostic: failure?.diagnostic ?? null,
  };
  if (!failure) return none;
  const target = await findBounced(tx, actor, bounce.originalMessageId, failure.finalRecipient);
  if (!target) return none;
  distributionPolicy.authorize(actor, "ingestBounce", target);
  const status = isPermanentFailure(failure) ? "bounced" : failure.action === "delayed" ? "deferred" : null;
  if (!status) return { ...none, matched: true, recipientId: target.id, status: target.status };
  const response = `DSN ${failure.status ?? ""} ${failure.diagnostic ?? failure.action ?? ""}`.trim().slice(0, 500);
  // A delay report never overrides a final state.
  if (status === "bounced" || target.status === "accepted")
    await tx
      .update(distributionRecipients)
      .set({ status, smtpResponse: response, updatedAt: new Date() })
      .where(eq(distributionRecipients.id, target.id));
  await recordAudit(tx, ctx, {
    action: "distribution.bounce",
    entityType: "distribution_recipient",
    entityId: target.id,
    organizationId: target.organizationId,
    before: { status: target.status },
    after: { status, response },
  });
  return { matched: true, recipientId: target.id, status, action: failure.action, diagnostic: failure.diagnostic };
}

async function findBounced(tx: Executor, actor: Actor, messageId: string | null, email: string | null) {
  const columns = {
    id: distributionRecipients.id,
    status: distributionRecipients.status,
    organizationId: distributionRecipients.organizationId,
    path: organizations.path,
  };
  const base = () =>
    tx.select(columns).from(distributionRecipients).innerJoin(organizations, eq(organizations.id, distributionRecipients.organizationId));
  const localId = messageId ? /^([0-9a-f-]{36})@/i.exec(messageId)?.[1] : undefined;
  if (localId) {
    const [row] = await base().where(and(eq(distributionRecipients.id, localId.toLowerCase()), inScope(actor)));
    if (row) return row;
  }
  if (!email) return null;
  const [row] = await base()
    .where(
      and(
        eq(distributionRecipients.emailKey, email.toLowerCase()),
        inArray(distributionRecipients.status, ["accepted", "deferred"]),
        inScope(actor),
      ),
    )
    .orderBy(desc(distributionRecipients.sentAt))
    .limit(1);
  return row ?? null;
}

/**
 * A `mailto:` unsubscribe request piped in by the MTA (the From mailbox goes to the same pipe as
 * bounces). The signed token names the recipient; one outside the pipe's organization is "not
 * matched", like a bounce for another organization's mail.
 */
export async function recordMailtoUnsubscribe(tx: Executor, ctx: CommandContext, recipientId: string) {
  const actor = actorRequired(ctx);
  const none = { matched: false, recipientId: null, status: null, action: "unsubscribe", diagnostic: null };
  const [target] = await tx
    .select({ id: distributionRecipients.id, organizationId: distributionRecipients.organizationId, path: organizations.path })
    .from(distributionRecipients)
    .innerJoin(organizations, eq(organizations.id, distributionRecipients.organizationId))
    .where(and(eq(distributionRecipients.id, recipientId), inScope(actor)));
  if (!target) return none;
  distributionPolicy.authorize(actor, "ingestBounce", target);
  await unsubscribeRecipient(tx, target.id, "mailto");
  return { ...none, matched: true, recipientId: target.id, status: "unsubscribed" };
}

/** RFC 8058 one-click (or the confirmation page): the address stops receiving this organization's releases. */
export async function unsubscribeRecipient(tx: Executor, recipientId: string, source: "one_click" | "page" | "mailto") {
  const [r] = await tx.select().from(distributionRecipients).where(eq(distributionRecipients.id, recipientId));
  if (!r) return null;
  const inserted = await tx
    .insert(distributionUnsubscribes)
    .values({ organizationId: r.organizationId, emailKey: r.emailKey, source, recipientId })
    .onConflictDoNothing()
    .returning();
  if (inserted.length)
    await recordAudit(
      tx,
      { actor: null, ip: null },
      {
        action: "distribution.unsubscribe",
        entityType: "distribution_recipient",
        entityId: recipientId,
        organizationId: r.organizationId,
        after: { source },
      },
    );
  return r;
}

/** The open pixel: the first open counts; nothing is recorded when the send had tracking off. */
export async function recordOpen(tx: Executor, recipientId: string) {
  await tx.execute(sql`update distribution_recipients r set opened_at = now() from distributions d
    where r.id = ${recipientId} and d.id = r.distribution_id and d.open_tracking and r.opened_at is null`);
}
