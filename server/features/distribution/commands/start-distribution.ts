import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { distributionBody } from "../../../../common/schemas/distribution";
import type { Executor } from "../../../db/client";
import { distributionRecipients, distributions, distributionUnsubscribes, users } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import type { Services } from "../../../services";
import { recordAudit } from "../../audit/record-audit";
import { type ContentRow, findVisibleContent } from "../../content/content-queries";
import { composeShared, defaultSubject, personalize } from "../compose-message";
import { findVisibleLists, selectorOf } from "../contact-list-queries";
import { distributionPolicy } from "../distribution.policy";
import { ruleError } from "../errors";
import { resolveRecipients } from "../recipient-resolver";
import { loadRelease, withinLimit } from "../release-source";
import { senderAddress } from "../sender";
import { settingsForPath } from "./distribution-settings";

type Input = z.infer<typeof distributionBody>;

/** A press release goes out once it is published: public now, or embargoed until its time. */
async function distributableItem(db: Executor, actor: Actor, contentId: string): Promise<ContentRow> {
  const item = await findVisibleContent(db, actor, contentId).catch((err) => {
    if (err instanceof AppError && err.status === 404) throw fieldError("contentId", "not_found", {}, 404);
    throw err;
  });
  distributionPolicy.authorize(actor, "send", item);
  if (item.status !== "published") throw ruleError(409, "contentId", "distribution_not_published");
  return item;
}

async function lists(db: Executor, actor: Actor, ids: string[]) {
  return findVisibleLists(db, actor, ids).catch((err) => {
    if (err instanceof AppError && err.status === 404) throw fieldError("listIds", "not_found", {}, 404);
    throw err;
  });
}

async function replyToOf(db: Executor, actor: Actor, input: Input, configured: string | null) {
  if (input.replyTo !== undefined) return input.replyTo;
  if (configured) return configured;
  if (!actor.userId) return null;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return user?.email ?? null;
}

async function unsubscribedOf(db: Executor, organizationId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ emailKey: distributionUnsubscribes.emailKey })
    .from(distributionUnsubscribes)
    .where(and(eq(distributionUnsubscribes.organizationId, organizationId), inArray(distributionUnsubscribes.emailKey, emails)));
  return new Set(rows.map((r) => r.emailKey));
}

/** Everything a send would do, computed without writing: the preview and the send share it. */
async function plan(db: Executor, services: Services, actor: Actor, input: Input) {
  const item = await distributableItem(db, actor, input.contentId);
  const chosen = await lists(db, actor, input.listIds);
  const settings = await settingsForPath(db, item.path);
  const { source, photos } = await loadRelease(db, services.files, services.publicUrl, item);
  const attachments = input.attachPhotos ? withinLimit(photos, settings.maxAttachmentMb) : [];
  const recipients = await resolveRecipients(
    db,
    chosen.map((l) => selectorOf(l)),
  );
  const unsubscribed = await unsubscribedOf(
    db,
    item.organizationId,
    recipients.map((r) => r.email),
  );
  return {
    item,
    chosen,
    settings,
    source,
    attachments,
    recipients,
    unsubscribed,
    subject: input.subject ?? defaultSubject({ title: item.title, embargoUntil: item.embargoUntil, timeZone: item.orgTimeZone }),
    replyTo: await replyToOf(db, actor, input, settings.replyTo),
    shared: composeShared(source),
  };
}

export async function previewDistribution(db: Executor, services: Services, actor: Actor, input: Input) {
  const p = await plan(db, services, actor, input);
  const sample = personalize(p.shared, {
    name: p.recipients[0]?.name ?? "Nama Wartawan",
    unsubscribeUrl: `${services.publicUrl}/u/…`,
    pixelUrl: null,
  });
  return {
    subject: p.subject,
    replyTo: p.replyTo,
    from: senderAddress(services.env.MAIL_FROM, p.item.orgName),
    html: sample.html,
    text: sample.text,
    embargoUntil: p.shared.embargoUntil,
    attachments: p.attachments.map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes })),
    pressKitUrl: p.source.pressKitUrl,
    recipients: p.recipients.length,
    unsubscribed: p.unsubscribed.size,
    ratePerMinute: p.settings.ratePerMinute,
  };
}

/**
 * The rate limit becomes a schedule: batches of about ten seconds' worth of messages, each due
 * `size / rate` minutes after the previous one (rate 0: batches of 50, all due now).
 */
export function batchPlan(ratePerMinute: number) {
  if (ratePerMinute <= 0) return { size: 50, intervalMs: 0 };
  const size = Math.max(1, Math.min(50, Math.ceil(ratePerMinute / 6)));
  return { size, intervalMs: Math.ceil((size * 60_000) / ratePerMinute) };
}

export interface PlannedBatch {
  recipientIds: string[];
  startAfter: Date;
}

/**
 * Snapshots the recipients (a list edited later does not change a send under way), marks the
 * unsubscribed ones skipped at once, and returns the batches to enqueue after commit.
 */
export async function startDistribution(tx: Executor, ctx: CommandContext, input: Input) {
  const actor = actorRequired(ctx);
  const { services } = ctx;
  const p = await plan(tx, services, actor, input);
  if (p.recipients.length === 0) throw ruleError(422, "listIds", "distribution_no_recipients");
  const id = newId();
  const now = new Date();
  const { size, intervalMs } = batchPlan(p.settings.ratePerMinute);
  await tx.insert(distributions).values({
    id,
    organizationId: p.item.organizationId,
    contentId: p.item.id,
    listIds: p.chosen.map((l) => l.id),
    listNames: p.chosen.map((l) => l.name),
    subject: p.subject,
    replyTo: p.replyTo,
    attachPhotos: input.attachPhotos,
    ratePerMinute: p.settings.ratePerMinute,
    openTracking: p.settings.openTracking,
    message: p.shared,
    attachmentIds: p.attachments.map((a) => a.assetId),
    total: p.recipients.length,
    createdBy: actor.userId,
  });
  const batches: PlannedBatch[] = [];
  const rows: (typeof distributionRecipients.$inferInsert)[] = [];
  for (const r of p.recipients) {
    const skipped = p.unsubscribed.has(r.email);
    const rid = newId();
    if (!skipped) {
      const last = batches.at(-1);
      if (!last || last.recipientIds.length >= size)
        batches.push({ recipientIds: [], startAfter: new Date(now.getTime() + batches.length * intervalMs) });
      (batches.at(-1) as PlannedBatch).recipientIds.push(rid);
    }
    rows.push({
      id: rid,
      distributionId: id,
      organizationId: p.item.organizationId,
      journalistId: r.journalistId,
      name: r.name,
      email: r.email,
      emailKey: r.email,
      status: skipped ? "skipped" : "queued",
      smtpResponse: skipped ? "unsubscribed" : null,
      nextAttemptAt: skipped ? null : (batches.at(-1) as PlannedBatch).startAfter,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(distributionRecipients).values(rows.slice(i, i + 1000));
  await recordAudit(tx, ctx, {
    action: "distribution.send",
    entityType: "distribution",
    entityId: id,
    organizationId: p.item.organizationId,
    after: {
      contentId: p.item.id,
      lists: p.chosen.map((l) => ({ id: l.id, name: l.name })),
      subject: p.subject,
      replyTo: p.replyTo,
      recipients: rows.length,
      skipped: p.unsubscribed.size,
      ratePerMinute: p.settings.ratePerMinute,
    },
  });
  return { id, batches };
}

/** After commit: the first batch runs now, the others at their time (the sweep is the backstop). */
export async function enqueueBatches(services: Services, distributionId: string, batches: PlannedBatch[]) {
  const now = Date.now();
  const due = batches.filter((b) => b.startAfter.getTime() <= now);
  if (due.length)
    await services.jobs.enqueueMany(
      "distribution.send",
      due.map((b) => ({ payload: { distributionId, recipientIds: b.recipientIds } })),
    );
  for (const b of batches.filter((x) => x.startAfter.getTime() > now))
    await services.jobs.enqueue("distribution.send", { distributionId, recipientIds: b.recipientIds }, { startAfter: b.startAfter });
}
