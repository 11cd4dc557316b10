import path from "node:path";
import type { Logger } from "pino";
import { type Database, openDatabase } from "./db/client";
import type { Env } from "./env";
import { checkChannelsJob } from "./features/channels/jobs/check-channels.job";
import { engagementJob } from "./features/channels/jobs/engagement.job";
import { publishJob, sweepPublicationsJob } from "./features/channels/jobs/publish.job";
import { contentReleaseJob, contentSweepJob } from "./features/content/commands/release";
import { distributionSendJob, distributionSweepJob } from "./features/distribution/jobs/distribution.jobs";
import { closeDistributionTransports } from "./features/distribution/smtp-transport";
import { createMailer } from "./features/email/mailer";
import { sendEmailJob, sweepEmailsJob } from "./features/email/send-email.job";
import { sweepMediaUploadsJob } from "./features/media/media-uploads.job";
import { escalateIssuesJob } from "./features/media-issues/escalate-issues.job";
import { briefingJob, deliverAlertJob, evaluateAlertsJob, spikeAlertsJob, sweepAlertsJob } from "./features/monitoring/alerts/alert-jobs";
import { fetchSourceJob, monitoringSweepJob } from "./features/monitoring/fetch/fetch-source.job";
import { ocrScanJob, sweepOcrScansJob } from "./features/monitoring/manual/ocr-scan.job";
import { pickupSweepJob } from "./features/monitoring/pickup/pickup.job";
import { socialFetchJob, socialSweepJob } from "./features/monitoring/social/social-fetch.job";
import { watchlistRematchJob } from "./features/monitoring/watchlists/rematch.job";
import { recapJob, sweepRecapsJob } from "./features/reports/recap.job";
import { registerSubscriptions } from "./features/subscriptions";
import { type ActorCache, clearActorCache } from "./http/authenticate";
import { ResponseCache } from "./http/response-cache";
import { JobQueue, type QueueOptions } from "./jobs/queue";
import { ChangeFeed } from "./lib/change-feed";
import { localFileStore } from "./lib/file-store";
import { TtlCache } from "./lib/ttl-cache";
import type { Services } from "./services";
import { ensureReferenceData } from "./setup/reference-data";

export const ALL_JOBS = [
  sendEmailJob,
  sweepEmailsJob,
  recapJob,
  sweepRecapsJob,
  contentReleaseJob,
  contentSweepJob,
  sweepMediaUploadsJob,
  publishJob,
  sweepPublicationsJob,
  checkChannelsJob,
  engagementJob,
  fetchSourceJob,
  monitoringSweepJob,
  ocrScanJob,
  sweepOcrScansJob,
  socialFetchJob,
  socialSweepJob,
  watchlistRematchJob,
  distributionSendJob,
  distributionSweepJob,
  evaluateAlertsJob,
  deliverAlertJob,
  sweepAlertsJob,
  spikeAlertsJob,
  briefingJob,
  escalateIssuesJob,
  pickupSweepJob,
];

registerSubscriptions();

/** Opens the database (migrating it), and wires the mailer, file store and job queue. */
export async function createServices(
  env: Env,
  logger: Logger,
  queue: Omit<QueueOptions, "connectionString">,
  /** An already opened database (tests, benchmarks); by default the one `env` names. */
  opened?: Database,
): Promise<Services> {
  const database =
    opened ??
    (await openDatabase({
      databaseUrl: env.DATABASE_URL,
      pgliteDir: path.join(env.dataDir, "db"),
      poolSize: env.DATABASE_POOL_SIZE,
    }));
  const jobs = new JobQueue(database, { ...queue, connectionString: database.url }, logger);
  jobs.register(ALL_JOBS);
  await ensureReferenceData(database.db);
  const changes = new ChangeFeed(logger);
  const live = () => changes.connected;
  const actorCache: ActorCache = new TtlCache(60_000, 20_000, live);
  const responseCache = new ResponseCache(live);
  changes.on("sinergi_auth", () => {
    clearActorCache(actorCache);
    responseCache.invalidate();
  });
  changes.on("sinergi_directory", () => responseCache.invalidate());
  await changes.start(database);
  return {
    env,
    database,
    changes,
    actorCache,
    responseCache,
    db: database.db,
    mailer: createMailer(env.SMTP_URL, env.MAIL_FROM),
    jobs,
    files: localFileStore(path.join(env.dataDir, "files")),
    logger,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  };
}

export async function closeServices(services: Services) {
  await services.jobs.stop();
  await services.changes.stop();
  services.mailer.close();
  await closeDistributionTransports();
  await services.database.close();
}
