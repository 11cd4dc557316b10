/**
 * Value lists of monitoring alerts and media issues (isu), kept without zod so the staff app's
 * router can import them (see common/enums.ts for why).
 */

/** negative_mention: a new mention with negative tone; spikes against the hour-of-week baseline. */
export const ALERT_RULE_KINDS = ["negative_mention", "volume_spike", "negative_share_spike", "keyword", "hoax_match"] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_CHANNELS = ["in_app", "email", "telegram", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** Severity of an issue, lowest first. */
export const ISSUE_SEVERITIES = ["rendah", "sedang", "tinggi", "krisis"] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

/** baru → ditangani → klarifikasi_disiapkan → selesai, or dipantau (watched, not acted on). */
export const ISSUE_STATUSES = ["baru", "ditangani", "klarifikasi_disiapkan", "dipantau", "selesai"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const OPEN_ISSUE_STATUSES: readonly IssueStatus[] = ["baru", "ditangani", "klarifikasi_disiapkan", "dipantau"];

export const ISSUE_SOURCES = ["article", "cluster", "alert", "manual"] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];

export const ISSUE_CONTENT_ROLES = ["klarifikasi", "siaran_pers"] as const;
export type IssueContentRole = (typeof ISSUE_CONTENT_ROLES)[number];
