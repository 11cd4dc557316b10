import { z } from "zod";
import { LIMITS } from "../limits";
import { ISSUE_CONTENT_ROLES, ISSUE_SEVERITIES, ISSUE_SOURCES, ISSUE_STATUSES } from "../monitoring-alert-enums";
import { can, id, paged, pageQuery } from "./shared";

export { ISSUE_CONTENT_ROLES, ISSUE_SEVERITIES, ISSUE_SOURCES, ISSUE_STATUSES };

const title = z.string().trim().min(3).max(300);
const summary = z.string().trim().max(5000);

export const issueSourceInput = z.strictObject({
  kind: z.enum(ISSUE_SOURCES),
  articleId: id.optional(),
  clusterId: id.optional(),
  alertId: id.optional(),
});

export const createIssueBody = z.strictObject({
  /** Responsible organization; when omitted the one suggested from the mentions is taken. */
  organizationId: id.optional(),
  title,
  summary: summary.default(""),
  severity: z.enum(ISSUE_SEVERITIES),
  assigneeId: id.nullable().optional(),
  source: issueSourceInput,
});

export const updateIssueBody = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  summary: summary.optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  assigneeId: id.nullable().optional(),
  organizationId: id.optional(),
  /** A note that goes with the change into the timeline. */
  note: z.string().trim().max(5000).optional(),
});

export const issueNoteBody = z.strictObject({ text: z.string().trim().min(1).max(5000) });
export const issueContentBody = z.strictObject({ contentItemId: id, role: z.enum(ISSUE_CONTENT_ROLES) });

export const issueListQuery = pageQuery.extend({
  organizationId: id.optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  severity: z.enum(ISSUE_SEVERITIES).optional(),
  assigneeId: id.optional(),
  /** open = every status but selesai. */
  open: z.enum(["true", "false"]).optional(),
  breached: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(LIMITS.search).optional(),
});

export const issueView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  openedByOrganizationId: id,
  suggestedOrganizationId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(ISSUE_SEVERITIES),
  status: z.enum(ISSUE_STATUSES),
  assignee: z.object({ id, name: z.string() }).nullable(),
  sourceKind: z.enum(ISSUE_SOURCES),
  sourceArticleId: z.string().nullable(),
  sourceClusterId: z.string().nullable(),
  sourceAlertId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  articleIds: z.array(z.string()),
  slaHours: z.number().int(),
  dueAt: z.string(),
  breached: z.boolean(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export const issueList = paged(issueView);

export const issueTimelineEntry = z.object({
  id,
  kind: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export const issueDetail = issueView.extend({
  timeline: z.array(issueTimelineEntry),
  content: z.array(
    z.object({ contentItemId: id, title: z.string(), type: z.string(), status: z.string(), role: z.enum(ISSUE_CONTENT_ROLES) }),
  ),
});

export const issueSuggestQuery = z.object({ articleId: id.optional(), clusterId: id.optional(), alertId: id.optional() });
export const issueSuggestion = z.object({
  title: z.string(),
  summary: z.string(),
  url: z.string().nullable(),
  articleIds: z.array(z.string()),
  suggestedOrganizationId: z.string().nullable(),
  suggestedOrganizationName: z.string().nullable(),
  mentionCounts: z.array(z.object({ organizationId: id, name: z.string(), mentions: z.number().int() })),
});

export const issueOptions = z.object({
  assignees: z.array(z.object({ id, name: z.string() })),
  content: z.array(z.object({ id, title: z.string(), type: z.string(), status: z.string() })),
});

export const slaView = z.object({
  organizationId: id,
  sourceOrganizationId: id,
  hours: z.record(z.enum(ISSUE_SEVERITIES), z.number().int()),
  can,
});
export const slaBody = z.strictObject({
  hours: z.strictObject({
    rendah: z.number().int().min(1).max(2000),
    sedang: z.number().int().min(1).max(2000),
    tinggi: z.number().int().min(1).max(2000),
    krisis: z.number().int().min(1).max(2000),
  }),
});

export type IssueView = z.infer<typeof issueView>;
export type IssueDetailView = z.infer<typeof issueDetail>;
export type IssueSuggestionView = z.infer<typeof issueSuggestion>;
export type IssueOptionsView = z.infer<typeof issueOptions>;
export type CreateIssueInput = z.input<typeof createIssueBody>;
export type UpdateIssueInput = z.input<typeof updateIssueBody>;
export type SlaView = z.infer<typeof slaView>;
