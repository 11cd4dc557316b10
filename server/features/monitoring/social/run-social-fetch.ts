import { eq, sql } from "drizzle-orm";
import { type ErrorCode, errorMessage } from "../../../../common/i18n/errors";
import { SOCIAL_SOURCE_KINDS, type SocialSourceKind } from "../../../../common/monitoring-intake-enums";
import { monitoringFetchLog, monitoringSourceSecrets, monitoringSources } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createSafeFetch } from "../../../lib/safe-fetch";
import { secretBox } from "../../../lib/secret-box";
import type { Services } from "../../../services";
import { backoffMinutes } from "../fetch/fetch-source";
import { ingestItems } from "../ingest/ingest-items";
import { fetchSocialSource } from "./fetch-social-source";
import { SocialError } from "./social-types";

export interface SocialRunSummary {
  status: "ok" | "partial" | "error" | "skipped" | "backoff";
  fetched: number;
  inserted: number;
  duplicates: number;
  backoffUntil: Date | null;
  error: string | null;
}

const PLATFORM: Record<SocialSourceKind, string> = { x: "X", youtube: "YouTube", facebook: "Facebook", instagram: "Instagram" };
export const isSocialKind = (kind: string): kind is SocialSourceKind => (SOCIAL_SOURCE_KINDS as readonly string[]).includes(kind);

/** The stored secret of a source, opened (bound to the source id, see SecretBox). */
export function openSocialSecret(services: Pick<Services, "env">, sourceId: string, sealed: string): { accessToken: string } {
  return secretBox(services.env).open<{ accessToken: string }>(sealed, `monitoring_source:${sourceId}`);
}
export function sealSocialSecret(services: Pick<Services, "env">, sourceId: string, accessToken: string): string {
  return secretBox(services.env).seal({ accessToken }, `monitoring_source:${sourceId}`);
}

/**
 * One scheduled (or manual) fetch of a social source: honours the platform's back-off, calls
 * the connector, ingests what came back and stores the new cursor in the same transaction (so a
 * crash never skips or repeats a page), then records the run in the fetch log and the source's
 * health, as the feed fetcher does. Messages are stored in Indonesian, the default language.
 */
export async function runSocialFetch(
  services: Services,
  sourceId: string,
  trigger: "schedule" | "manual" = "schedule",
): Promise<SocialRunSummary> {
  const { db } = services;
  const summary: SocialRunSummary = { status: "skipped", fetched: 0, inserted: 0, duplicates: 0, backoffUntil: null, error: null };
  const [row] = await db
    .select({ source: monitoringSources, secret: monitoringSourceSecrets })
    .from(monitoringSources)
    .leftJoin(monitoringSourceSecrets, eq(monitoringSourceSecrets.sourceId, monitoringSources.id))
    .where(eq(monitoringSources.id, sourceId));
  if (!row || !isSocialKind(row.source.kind) || !row.secret) return summary;
  const { source, secret } = row;
  const kind = source.kind as SocialSourceKind;
  const platform = PLATFORM[kind];
  if (secret.backoffUntil && secret.backoffUntil > new Date()) {
    return { ...summary, status: "backoff", backoffUntil: secret.backoffUntil };
  }
  const logId = newId();
  const startedAt = new Date();
  await db.insert(monitoringFetchLog).values({ id: logId, sourceId, organizationId: source.organizationId, status: "running", trigger });
  const deps = { fetch: createSafeFetch(services.env.OUTBOUND_ALLOW), env: services.env };
  const config = (source.config ?? {}) as Record<string, unknown>;
  let code: ErrorCode | null = null;
  let params: Record<string, string> = {};
  try {
    const { accessToken } = openSocialSecret(services, sourceId, secret.secret);
    const result = await fetchSocialSource(deps, {
      id: sourceId,
      kind,
      target: String(config.target ?? ""),
      accessToken,
      cursor: secret.cursor,
    });
    summary.fetched = result.items.length;
    summary.backoffUntil = result.backoffUntil;
    await db.transaction(async (tx) => {
      if (result.items.length) {
        const ingested = await ingestItems(tx, { organizationId: source.organizationId, sourceId, items: result.items });
        summary.inserted = ingested.inserted;
        summary.duplicates = ingested.duplicates;
      }
      await tx
        .update(monitoringSourceSecrets)
        .set({ cursor: result.cursor, backoffUntil: result.backoffUntil, updatedAt: new Date() })
        .where(eq(monitoringSourceSecrets.sourceId, sourceId));
    });
    summary.status = result.backoffUntil ? "partial" : "ok";
    if (result.backoffUntil) {
      code = "social_rate_limited";
      params = { platform, time: result.backoffUntil.toISOString() };
    }
  } catch (err) {
    if (!(err instanceof SocialError)) {
      services.logger.error({ err, sourceId }, "social fetch failed");
      code = "social_failed";
      params = { platform, reason: "kesalahan internal" };
    } else if (err.kind === "rate_limited") {
      code = "social_rate_limited";
      summary.backoffUntil = err.until;
      params = { platform, time: (err.until ?? new Date()).toISOString() };
      await db
        .update(monitoringSourceSecrets)
        .set({ backoffUntil: err.until, updatedAt: new Date() })
        .where(eq(monitoringSourceSecrets.sourceId, sourceId));
    } else {
      code = err.kind === "auth" ? "social_auth" : "social_failed";
      params = { platform, reason: err.detail || "tidak ada jawaban" };
    }
    summary.status = code === "social_rate_limited" ? "backoff" : "error";
  }
  summary.error = code ? errorMessage("id", code, params) : null;
  await finish(services, source, logId, startedAt, summary, code);
  return summary;
}

async function finish(
  services: Services,
  source: typeof monitoringSources.$inferSelect,
  logId: string,
  startedAt: Date,
  summary: SocialRunSummary,
  code: ErrorCode | null,
) {
  const now = new Date();
  const failed = summary.status === "error";
  const failures = failed ? source.consecutiveFailures + 1 : 0;
  // A rate limit is not a failure of the source: the next fetch simply waits for the platform.
  const scheduled = new Date(now.getTime() + backoffMinutes(source.scheduleMinutes, failures) * 60_000);
  const next = summary.backoffUntil && summary.backoffUntil > scheduled ? summary.backoffUntil : scheduled;
  await services.db.transaction(async (tx) => {
    await tx
      .update(monitoringFetchLog)
      .set({
        status: summary.status === "backoff" ? "error" : summary.status,
        finishedAt: now,
        entries: summary.fetched,
        items: summary.inserted,
        duplicates: summary.duplicates,
        errorCode: code,
        error: summary.error,
      })
      .where(eq(monitoringFetchLog.id, logId));
    await tx
      .update(monitoringSources)
      .set({
        lastFetchedAt: startedAt,
        ...(failed || summary.status === "backoff" ? {} : { lastSuccessAt: now }),
        lastErrorCode: code,
        lastErrorMessage: summary.error,
        consecutiveFailures: failures,
        itemsTotal: sql`${monitoringSources.itemsTotal} + ${summary.inserted}`,
        nextFetchAt: next,
        updatedAt: now,
      })
      .where(eq(monitoringSources.id, source.id));
  });
}
