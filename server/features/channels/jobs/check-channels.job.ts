import { and, asc, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { IANA_TIME_ZONE, type Locale, type TimeZoneCode } from "../../../../common/roles";
import { type ChannelPlatform, PLATFORM_LABELS } from "../../../../common/schemas/channels";
import { channelAccounts, grants, notifications, organizations, users } from "../../../db/schema";
import { defineJob } from "../../../jobs/define-job";
import { newId } from "../../../lib/ids";
import type { Services } from "../../../services";
import { queueEmail } from "../../email/queue-email";
import { sendQueuedEmail } from "../../email/send-queued-email";
import { channelAlertEmail } from "../../email/templates";
import { EXPIRY_WARNING_MS } from "../channel.presenter";
import { probeChannel, storeCheck } from "../commands/check-channel";

const CHECK_EVERY_MS = 12 * 3_600_000;
const ALERT_EVERY_MS = 24 * 3_600_000;

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

function candidates(services: Services, now: Date) {
  return services.db
    .select({
      id: channelAccounts.id,
      organizationId: channelAccounts.organizationId,
      platform: channelAccounts.platform,
      name: channelAccounts.name,
      config: channelAccounts.config,
      secretEnc: channelAccounts.secretEnc,
      status: channelAccounts.status,
      lastError: channelAccounts.lastError,
      lastCheckedAt: channelAccounts.lastCheckedAt,
      tokenExpiresAt: channelAccounts.tokenExpiresAt,
      createdBy: channelAccounts.createdBy,
      timeZone: organizations.timeZone,
    })
    .from(channelAccounts)
    .innerJoin(organizations, eq(organizations.id, channelAccounts.organizationId))
    .where(
      and(
        eq(channelAccounts.active, true),
        eq(organizations.active, true),
        or(
          isNull(channelAccounts.lastCheckedAt),
          lt(channelAccounts.lastCheckedAt, new Date(now.getTime() - CHECK_EVERY_MS)),
          and(isNotNull(channelAccounts.tokenExpiresAt), lt(channelAccounts.tokenExpiresAt, new Date(now.getTime() + EXPIRY_WARNING_MS))),
        ),
      ),
    )
    .orderBy(asc(channelAccounts.lastCheckedAt))
    .limit(200);
}

function message(
  locale: Locale,
  kind: "channel_expiring" | "channel_error",
  a: Candidate,
  problem: string,
  until: string,
  expired: boolean,
) {
  const platform = PLATFORM_LABELS[a.platform as ChannelPlatform] ?? a.platform;
  if (kind === "channel_expiring" && expired)
    return locale === "en"
      ? {
          title: `Channel token of ${a.name} has expired`,
          body: `The ${platform} token of ${a.name} expired on ${until}. Reconnect the account so scheduled posts do not fail.`,
        }
      : {
          title: `Token kanal ${a.name} sudah kedaluwarsa`,
          body: `Token ${platform} untuk ${a.name} kedaluwarsa pada ${until}. Hubungkan ulang akun agar kiriman terjadwal tidak gagal.`,
        };
  if (kind === "channel_expiring")
    return locale === "en"
      ? {
          title: `Channel token of ${a.name} expires soon`,
          body: `The ${platform} token of ${a.name} is valid until ${until}. Reconnect the account before then so scheduled posts do not fail.`,
        }
      : {
          title: `Token kanal ${a.name} segera kedaluwarsa`,
          body: `Token ${platform} untuk ${a.name} berlaku sampai ${until}. Hubungkan ulang akun sebelum tanggal itu agar kiriman terjadwal tidak gagal.`,
        };
  return locale === "en"
    ? { title: `Channel ${a.name} has a problem`, body: `${problem} Check the account on the Channels page before a scheduled post fails.` }
    : { title: `Kanal ${a.name} bermasalah`, body: `${problem} Periksa akun di halaman Kanal sebelum ada kiriman terjadwal yang gagal.` };
}

/**
 * In-app and email alerts to the account's creator and the organization's editors, at most one
 * per account per 24 hours (the alerted_at update is the guard, so two schedulers cannot both send).
 */
async function alert(
  services: Services,
  a: Candidate,
  kind: "channel_expiring" | "channel_error",
  problem: string,
  expires: Date | null,
  now: Date,
) {
  const link = "/app/channels";
  const emailIds = await services.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(channelAccounts)
      .set({ alertedAt: now })
      .where(
        and(
          eq(channelAccounts.id, a.id),
          or(isNull(channelAccounts.alertedAt), lt(channelAccounts.alertedAt, new Date(now.getTime() - ALERT_EVERY_MS))),
        ),
      )
      .returning({ id: channelAccounts.id });
    if (!claimed) return [];
    const editors = await tx
      .select({ userId: grants.userId })
      .from(grants)
      .where(and(eq(grants.organizationId, a.organizationId), eq(grants.role, "editor")));
    const ids = [...new Set([a.createdBy, ...editors.map((e) => e.userId)].filter((v): v is string => Boolean(v)))];
    if (ids.length === 0) return [];
    const people = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.status, "active")));
    const queued: string[] = [];
    for (const person of people) {
      const locale: Locale = person.locale === "en" ? "en" : "id";
      const until = expires
        ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
            dateStyle: "long",
            timeStyle: "short",
            timeZone: IANA_TIME_ZONE[a.timeZone as TimeZoneCode] ?? "Asia/Jakarta",
          }).format(expires)
        : "";
      const { title, body } = message(locale, kind, a, problem, until, Boolean(expires && expires.getTime() <= now.getTime()));
      await tx.insert(notifications).values({ id: newId(), userId: person.id, organizationId: a.organizationId, kind, title, body, link });
      const mail = channelAlertEmail(locale, {
        to: person.email,
        name: person.name,
        account: a.name,
        platform: PLATFORM_LABELS[a.platform as ChannelPlatform] ?? a.platform,
        problem: body,
        url: `${services.publicUrl}${link}`,
      });
      queued.push(await queueEmail(tx, { ...mail, organizationId: a.organizationId }));
    }
    return queued;
  });
  for (const id of emailIds) await sendQueuedEmail(services, id);
}

/** Checks stale or soon-expiring accounts and alerts people before a scheduled post would fail. */
export async function checkChannels(services: Services, now = new Date()) {
  for (const a of await candidates(services, now)) {
    try {
      let { status, lastError, tokenExpiresAt } = a;
      if (!a.lastCheckedAt || a.lastCheckedAt.getTime() < now.getTime() - CHECK_EVERY_MS) {
        const result = await probeChannel(services, a);
        await storeCheck(services.db, a.id, result);
        status = result.ok ? "active" : "error";
        lastError = result.ok ? null : (result.error ?? null);
        if (result.expiresAt !== undefined) tokenExpiresAt = result.expiresAt;
      }
      if (status === "error") await alert(services, a, "channel_error", lastError ?? "Pemeriksaan koneksi gagal.", tokenExpiresAt, now);
      else if (tokenExpiresAt && tokenExpiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS)
        await alert(services, a, "channel_expiring", "", tokenExpiresAt, now);
    } catch (err) {
      services.logger.warn({ err, channelAccountId: a.id }, "channel check failed");
    }
  }
}

export const checkChannelsJob = defineJob({
  name: "channels.check",
  payload: z.object({}),
  cron: "0 * * * *",
  retryLimit: 0,
  handler: async (_payload, services) => checkChannels(services),
});
