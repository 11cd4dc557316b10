import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { mediaIssues, organizations } from "../../db/schema";
import { defineJob } from "../../jobs/define-job";
import type { Services } from "../../services";
import { recordAudit } from "../audit/record-audit";
import { sendQueuedEmail } from "../email/send-queued-email";
import { notify } from "../notifications/notify";
import { escalationCoordinators } from "./commands/issue-people";
import { addTimeline } from "./commands/issue-timeline";

/** Issues whose SLA can still be breached: "dipantau" is watched only, its clock is off. */
const ESCALATING = ["baru", "ditangani", "klarifikasi_disiapkan"];

/**
 * Escalates every open issue whose SLA deadline has passed to the coordinators of the parent
 * organization (in-app and email), once: `escalated_at` is claimed with a conditional update, so
 * a second run, or two schedulers at once, notify nobody twice. `now` is the tests' clock.
 */
export async function escalateBreachedIssues(services: Services, now = new Date()): Promise<string[]> {
  const due = await services.db
    .select({ id: mediaIssues.id })
    .from(mediaIssues)
    .where(and(inArray(mediaIssues.status, ESCALATING), isNull(mediaIssues.escalatedAt), lte(mediaIssues.dueAt, now)))
    .limit(500);
  const escalated: string[] = [];
  for (const { id } of due) {
    const emailIds = await services.db.transaction(async (tx) => {
      const [issue] = await tx
        .update(mediaIssues)
        .set({ escalatedAt: now, version: sql`${mediaIssues.version} + 1` })
        .where(
          and(
            eq(mediaIssues.id, id),
            isNull(mediaIssues.escalatedAt),
            inArray(mediaIssues.status, ESCALATING),
            lte(mediaIssues.dueAt, now),
          ),
        )
        .returning();
      if (!issue) return [];
      const [org] = await tx
        .select({ name: organizations.name, path: organizations.path })
        .from(organizations)
        .where(eq(organizations.id, issue.organizationId));
      const coordinators = await escalationCoordinators(tx, org.path);
      const overdueHours = Math.max(0, Math.round((now.getTime() - issue.dueAt.getTime()) / 3_600_000));
      await addTimeline(
        tx,
        issue.id,
        "escalated",
        null,
        { to: coordinators, dueAt: issue.dueAt.toISOString(), slaHours: issue.slaHours },
        null,
        now,
      );
      await recordAudit(
        tx,
        { actor: null, ip: null },
        {
          action: "media_issue.escalate",
          entityType: "media_issue",
          entityId: issue.id,
          organizationId: issue.organizationId,
          after: { escalatedAt: now.toISOString(), coordinators },
        },
      );
      escalated.push(issue.id);
      return notify(tx, services.publicUrl, {
        userIds: coordinators,
        organizationId: issue.organizationId,
        kind: "issue_escalated",
        link: `/app/monitoring/issues/${issue.id}`,
        email: true,
        message: (locale) =>
          locale === "en"
            ? {
                title: `Issue past its SLA: ${issue.title}`,
                body: `${org.name} has not resolved this ${issue.severity} issue within ${issue.slaHours} h (${overdueHours} h overdue).`,
              }
            : {
                title: `Isu melewati SLA: ${issue.title}`,
                body: `${org.name} belum menyelesaikan isu ${issue.severity} ini dalam ${issue.slaHours} jam (terlambat ${overdueHours} jam).`,
              },
      });
    });
    for (const emailId of emailIds) await sendQueuedEmail(services, emailId);
  }
  return escalated;
}

export const escalateIssuesJob = defineJob({
  name: "issues.escalate",
  payload: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  handler: async (_p, services) => {
    await escalateBreachedIssues(services);
  },
});
