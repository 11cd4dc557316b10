import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { SendMailOptions } from "nodemailer";
import { MAX_DELIVERY_ATTEMPTS } from "../../../../common/distribution-enums";
import type { TimeZoneCode } from "../../../../common/roles";
import {
  contentItems,
  distributionRecipients,
  distributions,
  distributionUnsubscribes,
  emails,
  journalistInteractions,
  journalists,
  mediaAssets,
  organizations,
} from "../../../db/schema";
import { newId } from "../../../lib/ids";
import type { Services } from "../../../services";
import { publicUrlOf } from "../../content/public-url";
import { localDate } from "../../reports/report-format";
import { personalize } from "../compose-message";
import { mailDomain, mailFromAddress, senderAddress } from "../sender";
import { type DeliveryOutcome, deliver, distributionTransport } from "../smtp-transport";
import { unsubscribeToken } from "../unsubscribe-token";

/** A claimed recipient not settled within this time is re-queued by the sweep (a crashed worker). */
export const LEASE_MS = 10 * 60_000;
/** Messages of one batch in flight at once (the SMTP pool has five connections). */
const PARALLEL = 5;
/** 4xx: retried after 5, 10, 20, 40 minutes, then counted as bounced. */
export const retryDelayMs = (attempts: number) => 5 * 60_000 * 2 ** Math.max(0, attempts - 1);

type Claimed = typeof distributionRecipients.$inferSelect;

async function loadDistribution(services: Services, id: string) {
  const [row] = await services.db
    .select({
      d: distributions,
      title: contentItems.title,
      slug: contentItems.slug,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      orgTimeZone: organizations.timeZone,
    })
    .from(distributions)
    .innerJoin(contentItems, eq(contentItems.id, distributions.contentId))
    .innerJoin(organizations, eq(organizations.id, distributions.organizationId))
    .where(eq(distributions.id, id));
  return row;
}

async function loadAttachments(services: Services, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await services.db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  const out: NonNullable<SendMailOptions["attachments"]> = [];
  for (const [i, id] of ids.entries()) {
    const row = rows.find((r) => r.id === id);
    const rendition = row ? (row.renditions.large ?? row.renditions.medium) : undefined;
    const content = rendition ? await services.files.get(rendition.key) : null;
    if (!row || !rendition || !content) continue;
    const ext = rendition.mime === "image/png" ? "png" : rendition.mime === "image/webp" ? "webp" : "jpg";
    out.push({
      filename: `${String(i + 1).padStart(2, "0")}-${row.fileName.replace(/\.[^.]+$/, "") || "foto"}.${ext}`,
      content,
      contentType: rendition.mime,
    });
  }
  return out;
}

/**
 * Several at a time, results in order. With `gapMs` the i-th item starts no earlier than
 * i × gapMs after the first: batches are scheduled size/rate apart, and pacing inside keeps a
 * late batch from bursting, so the receiving server never sees more than the rate on average.
 */
async function mapParallel<T, R>(items: T[], width: number, gapMs: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const start = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        const wait = start + i * gapMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

/**
 * Sends one batch: claims its recipients (so a duplicate job or the sweep never sends twice),
 * skips addresses unsubscribed meanwhile, sends one message per recipient and records each
 * outcome; a deferred message is retried later, an accepted one joins the journalist's history.
 */
export async function sendBatch(services: Services, distributionId: string, recipientIds: string[]) {
  const { db, env } = services;
  const now = new Date();
  const claimed: Claimed[] = await db
    .update(distributionRecipients)
    .set({ status: "sending", nextAttemptAt: new Date(now.getTime() + LEASE_MS), updatedAt: now })
    .where(
      and(
        eq(distributionRecipients.distributionId, distributionId),
        inArray(distributionRecipients.id, recipientIds),
        inArray(distributionRecipients.status, ["queued", "deferred"]),
      ),
    )
    .returning();
  if (claimed.length === 0) return;
  const found = await loadDistribution(services, distributionId);
  if (!found) return;
  const { d } = found;
  const unsubscribed = new Set(
    (
      await db
        .select({ emailKey: distributionUnsubscribes.emailKey })
        .from(distributionUnsubscribes)
        .where(
          and(
            eq(distributionUnsubscribes.organizationId, d.organizationId),
            inArray(
              distributionUnsubscribes.emailKey,
              claimed.map((c) => c.emailKey),
            ),
          ),
        )
    ).map((r) => r.emailKey),
  );
  // Erased on request (UU PDP) after the send was planned: nothing more goes to them.
  const erased = new Set(
    (
      await db
        .select({ id: journalists.id })
        .from(journalists)
        .where(
          and(
            inArray(
              journalists.id,
              claimed.map((c) => c.journalistId),
            ),
            isNotNull(journalists.erasedAt),
          ),
        )
    ).map((r) => r.id),
  );
  const attachments = await loadAttachments(services, d.attachmentIds);
  const transport = env.SMTP_URL ? await distributionTransport(env.SMTP_URL) : null;
  const from = senderAddress(env.MAIL_FROM, found.orgName);
  const fromAddress = mailFromAddress(env.MAIL_FROM);
  const domain = mailDomain(env.MAIL_FROM);
  const outbox: (typeof emails.$inferInsert)[] = [];

  const gapMs = d.ratePerMinute > 0 ? 60_000 / d.ratePerMinute : 0;
  const outcomes = await mapParallel(
    claimed,
    PARALLEL,
    gapMs,
    async (r): Promise<DeliveryOutcome | { status: "skipped"; response: string }> => {
      if (unsubscribed.has(r.emailKey)) return { status: "skipped", response: "unsubscribed" };
      if (erased.has(r.journalistId)) return { status: "skipped", response: "erased" };
      const token = unsubscribeToken(env, r.id);
      const unsubscribeUrl = `${services.publicUrl}/u/${token}`;
      const body = personalize(d.message, {
        name: r.name,
        unsubscribeUrl,
        pixelUrl: d.openTracking ? `${services.publicUrl}/u/${token}/o.gif` : null,
      });
      if (!transport) {
        // The embedded default: the outbox row is the delivery (an admin reads it in the app).
        outbox.push({
          id: newId(),
          organizationId: d.organizationId,
          to: r.email,
          subject: d.subject,
          text: body.text,
          html: body.html,
          status: "outbox",
          sentAt: now,
        });
        return { status: "accepted", response: "outbox" };
      }
      return deliver(transport, {
        from,
        to: { name: r.name, address: r.email },
        replyTo: d.replyTo ?? undefined,
        subject: d.subject,
        text: body.text,
        html: body.html,
        messageId: `<${r.id}@${domain}>`,
        envelope: { from: fromAddress, to: r.email },
        attachments,
        headers: {
          // RFC 8058: the https URL answers a one-click POST; mailto is the fallback for old clients.
          "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${fromAddress}?subject=unsubscribe%20${token}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    },
  );

  const retry: string[] = [];
  let retryAt = now;
  const settled = claimed.map((r, i) => {
    const o = outcomes[i];
    const attempts = o.status === "skipped" ? r.attempts : r.attempts + 1;
    let status: string = o.status;
    let next: Date | null = null;
    if (o.status === "deferred") {
      if (attempts >= MAX_DELIVERY_ATTEMPTS) status = "bounced";
      else {
        next = new Date(now.getTime() + retryDelayMs(attempts));
        retryAt = next;
        retry.push(r.id);
      }
    }
    return { r, status, attempts, next, response: o.response };
  });

  await db.transaction(async (tx) => {
    const values = sql.join(
      settled.map(
        (s) =>
          sql`(${s.r.id}::uuid, ${s.status}, ${s.attempts}::int, ${s.next?.toISOString() ?? null}::timestamptz, ${s.response}, ${
            s.status === "accepted" ? now.toISOString() : null
          }::timestamptz, ${`<${s.r.id}@${domain}>`})`,
      ),
      sql`, `,
    );
    await tx.execute(sql`update distribution_recipients r set status = v.status, attempts = v.attempts, next_attempt_at = v.next,
      smtp_response = v.response, sent_at = coalesce(v.sent_at, r.sent_at), message_id = v.message_id, updated_at = now()
      from (values ${values}) as v(id, status, attempts, next, response, sent_at, message_id) where r.id = v.id`);
    const accepted = settled.filter((s) => s.status === "accepted");
    if (accepted.length) {
      const link = publicUrlOf(services.publicUrl, found.orgSlug, found.slug);
      await tx.insert(journalistInteractions).values(
        accepted.map((s) => ({
          id: newId(),
          journalistId: s.r.journalistId,
          kind: "release",
          // The day the newsroom lives in: 00:30 WIB is still "yesterday" in UTC.
          occurredOn: localDate(now, found.orgTimeZone as TimeZoneCode),
          text: `Siaran pers diterima: ${found.title}`,
          link,
          createdBy: d.createdBy,
        })),
      );
    }
    if (outbox.length) await tx.insert(emails).values(outbox);
  });
  if (retry.length) await services.jobs.enqueue("distribution.send", { distributionId, recipientIds: retry }, { startAfter: retryAt });
}
