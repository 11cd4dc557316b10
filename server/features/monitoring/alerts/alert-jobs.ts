import { z } from "zod";
import { defineJob } from "../../../jobs/define-job";
import { sendDueBriefings } from "./briefing/send-briefing";
import { deliverRemote } from "./delivery/deliver-remote";
import { releaseHeldAlerts } from "./delivery/release-held";
import { DELIVER_JOB } from "./evaluate/after-commit";
import { evaluatePendingMentions } from "./evaluate/evaluate-mentions";
import { evaluateSpikeRules } from "./evaluate/spike-rules";

export const EVALUATE_JOB = "alerts.evaluate";

/** Queued by the `monitoring.mentions` signal: judges the new mentions against the rules. */
export const evaluateAlertsJob = defineJob({
  name: EVALUATE_JOB,
  payload: z.object({}),
  policy: "exclusive",
  retryLimit: 2,
  handler: async (_p, services) => {
    await evaluatePendingMentions(services);
  },
});

/** Telegram and webhook deliveries of one alert (or of a quiet-hours digest). */
export const deliverAlertJob = defineJob({
  name: DELIVER_JOB,
  payload: z.object({ eventIds: z.array(z.uuid()).min(1).max(500) }),
  retryLimit: 4,
  retryDelaySeconds: 30,
  retryBackoff: true,
  concurrency: 4,
  handler: async ({ eventIds }, services) => deliverRemote(services, eventIds),
});

/** Every minute: mentions whose signal was lost, and alerts whose quiet hours are over. */
export const sweepAlertsJob = defineJob({
  name: "alerts.sweep",
  payload: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  handler: async (_p, services) => {
    await evaluatePendingMentions(services);
    await releaseHeldAlerts(services);
  },
});

/** Hourly, a few minutes past the hour so late-fetched items of the past hour are in. */
export const spikeAlertsJob = defineJob({
  name: "alerts.spikes",
  payload: z.object({}),
  cron: "7 * * * *",
  retryLimit: 1,
  handler: async (_p, services) => {
    await evaluateSpikeRules(services);
  },
});

/** Every five minutes: organizations whose local briefing time has come (once per local day). */
export const briefingJob = defineJob({
  name: "briefing.sweep",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retryLimit: 0,
  handler: async (_p, services) => {
    await sendDueBriefings(services);
  },
});
