import { eq } from "drizzle-orm";
import { channelAccounts, contentItems, organizations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { Services } from "../../../services";
import { openAccount } from "../account-secrets";
import type { Connector, ConnectorAccount, Post, PublishResult } from "../connectors/connector";
import { PlatformError, plainWords, UNCERTAIN_MESSAGE } from "../connectors/platform-error";
import { connectorFor } from "../connectors/registry";
import { loadMedia } from "../post-builder";
import {
  type Claim,
  claimPending,
  LEASE_MS,
  MAX_ATTEMPTS,
  markFailed,
  markPublished,
  markRetry,
  noteWaiting,
  type PublicationRow,
  reclaimStale,
} from "./publication-state";

export interface LoadedPublication {
  connector: Connector;
  account: ConnectorAccount;
  accountActive: boolean;
  post: Post;
}

/** The account (secret opened), the connector and the post exactly as validated when scheduling. */
export async function loadPublication(services: Services, row: PublicationRow): Promise<LoadedPublication> {
  const { db, env } = services;
  const [account] = await db
    .select({
      id: channelAccounts.id,
      name: channelAccounts.name,
      platform: channelAccounts.platform,
      config: channelAccounts.config,
      secretEnc: channelAccounts.secretEnc,
      active: channelAccounts.active,
      orgActive: organizations.active,
    })
    .from(channelAccounts)
    .innerJoin(organizations, eq(organizations.id, channelAccounts.organizationId))
    .where(eq(channelAccounts.id, row.channelAccountId));
  const [item] = await db
    .select({ id: contentItems.id, type: contentItems.type, summary: contentItems.summary, bodyText: contentItems.bodyText })
    .from(contentItems)
    .where(eq(contentItems.id, row.contentId));
  const media = await loadMedia(db, services, row.post.mediaAssetIds ?? []).catch((err) => {
    if (err instanceof AppError) throw new PlatformError("local", "Sinergi", "Berkas media kiriman ini sudah dihapus dari pustaka.");
    throw err;
  });
  return {
    connector: connectorFor(env, account.platform),
    account: openAccount(env, account),
    accountActive: account.active && account.orgActive,
    post: { text: row.text, title: row.post.title ?? "", link: row.post.link ?? "", media, item },
  };
}

/**
 * After an attempt whose outcome is unknown: ask the platform where it can be asked, resend
 * where the protocol makes that safe, and otherwise stop and leave it to a person.
 */
async function resolveUnknown(services: Services, claim: Claim, loaded: LoadedPublication): Promise<"done" | "resend"> {
  const { connector, account, post } = loaded;
  if (connector.findExisting) {
    const found = await connector.findExisting(account, post, claim.row.id, claim.since);
    if (found) {
      await markPublished(services.db, claim.row, found, true);
      return "done";
    }
    return "resend";
  }
  if (connector.resendSafe) return "resend";
  await markFailed(services.db, claim.row, UNCERTAIN_MESSAGE);
  return "done";
}

/** The outcome of a failed attempt, stored in plain words; rethrows when the queue should retry. */
async function handleFailure(services: Services, claim: Claim, loaded: LoadedPublication, error: unknown) {
  const { db, logger } = services;
  const { row } = claim;
  const err = error instanceof PlatformError ? error : new PlatformError("unavailable", loaded.connector.label, "", "unknown");
  if (!(error instanceof PlatformError)) logger.error({ err: error, publicationId: row.id }, "publish failed unexpectedly");
  if (err.outcome === "unknown") {
    if (loaded.connector.findExisting) {
      // Looked up after the lease, when a slow platform has had time to show the post.
      return noteWaiting(db, row, `Menunggu kepastian dari ${err.label}; diperiksa ulang otomatis sebelum mengirim lagi.`);
    }
    if (loaded.connector.resendSafe && row.attempts < MAX_ATTEMPTS) {
      await markRetry(db, row, plainWords(err));
      throw err;
    }
    return markFailed(db, row, UNCERTAIN_MESSAGE);
  }
  if (err.kind === "auth") return markFailed(db, row, plainWords(err), true);
  if (err.retryable) {
    if (row.attempts >= MAX_ATTEMPTS) return markFailed(db, row, `${plainWords(err)} Gagal setelah ${row.attempts} percobaan.`);
    await markRetry(db, row, plainWords(err));
    throw err;
  }
  return markFailed(db, row, plainWords(err));
}

/**
 * The `channel.publish` job. Claims the row (only one worker can), posts through the connector
 * and records the result. A row another worker left in `publishing` is taken over only after
 * the lease, and then only after checking the platform (or when resending is safe by protocol);
 * otherwise it is marked uncertain for a person to resolve. It never posts twice on its own.
 */
export async function runPublication(services: Services, publicationId: string, leaseMs = LEASE_MS): Promise<void> {
  const { db } = services;
  let claim = await claimPending(db, publicationId);
  let recovering = false;
  if (!claim) {
    claim = await reclaimStale(db, publicationId, leaseMs);
    // Published, waiting for a person, or another worker holds a live lease: nothing to do.
    if (!claim) return;
    recovering = true;
  }
  let loaded: LoadedPublication;
  try {
    loaded = await loadPublication(services, claim.row);
  } catch (err) {
    // When recovering, the interrupted attempt may have posted: say so rather than the cause.
    if (err instanceof PlatformError) return markFailed(db, claim.row, recovering ? UNCERTAIN_MESSAGE : plainWords(err));
    throw err;
  }
  if (recovering) {
    let next: "done" | "resend";
    try {
      next = await resolveUnknown(services, claim, loaded);
    } catch (err) {
      // The platform could not be asked: keep the row as it is and ask again after the lease.
      const why = err instanceof PlatformError ? plainWords(err) : "pemeriksaan gagal";
      return noteWaiting(db, claim.row, `Belum dapat memastikan kiriman di ${loaded.connector.label} (${why}); diperiksa ulang otomatis.`);
    }
    if (next === "done") return;
  }
  if (!loaded.accountActive)
    return markFailed(db, claim.row, "Akun kanal atau organisasinya nonaktif; aktifkan kembali atau pilih kanal lain.");
  let result: PublishResult;
  try {
    result = await loaded.connector.publish(loaded.account, loaded.post, claim.row.id);
  } catch (err) {
    return handleFailure(services, claim, loaded, err);
  }
  // If this write fails the row stays `publishing`, and recovery looks the post up before anything else.
  await markPublished(db, claim.row, result);
}
