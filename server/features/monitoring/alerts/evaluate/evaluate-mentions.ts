import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client";
import { alertInbox, alertRules, articles, type InboxMention, organizations } from "../../../../db/schema";
import type { Services } from "../../../../services";
import { compileQuery, parseQuery } from "../../query";
import { tokenizeDoc } from "../../text/tokenized-doc";
import { type AfterCommit, type AlertCandidate, emptyAfterCommit, type RuleRow, raiseAlert } from "../delivery/raise-alert";
import { runAfterCommit } from "./after-commit";

const MENTION_KINDS = ["negative_mention", "keyword", "hoax_match"];
export const DEFAULT_NEGATIVE_THRESHOLD = 0.6;

/** Org ids on a materialized path ("/a/b/c/" → a, b, c). */
const idsOnPath = (path: string) => path.split("/").filter(Boolean);

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Judges one rule against one mention. A rule applies to mentions of its own organization and of
 * the organizations below it, and to every article of its organization's own sources.
 */
function judge(
  rule: RuleRow,
  m: InboxMention,
  article: { clusterId: string | null; text: string } | undefined,
  mentionedName: string,
  queryOf: (rule: RuleRow) => ((text: string) => boolean) | null,
): AlertCandidate | null {
  const base = {
    kind: rule.kind,
    dedupKey: article?.clusterId ? `cluster:${article.clusterId}` : `article:${m.articleId}`,
    title: m.title,
    url: m.url,
    articleId: m.articleId,
    clusterId: article?.clusterId ?? null,
    mentionedOrganizationId: m.mentionedOrganizationId,
  };
  const where = [m.outletName, mentionedName].filter(Boolean).join(" · ");
  if (rule.kind === "negative_mention") {
    const threshold = rule.config.negativeThreshold ?? DEFAULT_NEGATIVE_THRESHOLD;
    if (m.negativeProbability < threshold) return null;
    return { ...base, summary: `${where} · nada negatif ${percent(m.negativeProbability)}` };
  }
  if (rule.kind === "hoax_match") {
    if (!m.hoaxClarificationId) return null;
    return { ...base, summary: `${where} · cocok dengan klarifikasi hoaks yang sudah terbit` };
  }
  if (rule.kind === "keyword") {
    const matches = queryOf(rule);
    if (!matches || !article || !matches(article.text)) return null;
    return { ...base, summary: `${where} · kueri: ${rule.config.query}` };
  }
  return null;
}

/** Evaluates one inbox row (one `monitoring.mentions` event) inside the caller's transaction. */
export async function evaluateInboxRow(
  tx: Executor,
  publicUrl: string,
  row: { organizationId: string; mentions: InboxMention[] },
  now: Date,
  after: AfterCommit,
) {
  if (row.mentions.length === 0) return 0;
  const mentionedIds = [...new Set(row.mentions.map((m) => m.mentionedOrganizationId))];
  const mentionedOrgs = await tx
    .select({ id: organizations.id, name: organizations.name, path: organizations.path })
    .from(organizations)
    .where(inArray(organizations.id, mentionedIds));
  const orgById = new Map(mentionedOrgs.map((o) => [o.id, o]));
  const candidateOrgIds = new Set<string>([row.organizationId]);
  for (const o of mentionedOrgs) for (const id of idsOnPath(o.path)) candidateOrgIds.add(id);
  const rules = await tx
    .select({ rule: alertRules, zone: organizations.timeZone })
    .from(alertRules)
    .innerJoin(organizations, eq(organizations.id, alertRules.organizationId))
    .where(
      and(eq(alertRules.enabled, true), inArray(alertRules.kind, MENTION_KINDS), inArray(alertRules.organizationId, [...candidateOrgIds])),
    );
  if (rules.length === 0) return 0;

  const articleIds = [...new Set(row.mentions.map((m) => m.articleId))];
  const needText = rules.some((r) => r.rule.kind === "keyword");
  const rows = await tx
    .select({
      id: articles.id,
      clusterId: articles.clusterId,
      text: needText ? sql<string>`${articles.title} || E'\n\n' || ${articles.lead} || E'\n\n' || ${articles.body}` : sql<string>`''`,
    })
    .from(articles)
    .where(inArray(articles.id, articleIds));
  const articleById = new Map(rows.map((a) => [a.id, a]));
  const compiled = new Map<string, ((text: string) => boolean) | null>();
  const queryOf = (rule: RuleRow) => {
    if (!compiled.has(rule.id)) {
      try {
        const q = compileQuery(parseQuery(rule.config.query ?? ""));
        compiled.set(rule.id, (text) => q(tokenizeDoc(text)));
      } catch {
        compiled.set(rule.id, null); // saved queries are checked; an old broken one matches nothing
      }
    }
    return compiled.get(rule.id) ?? null;
  };

  let raised = 0;
  for (const { rule, zone } of rules) {
    for (const m of row.mentions) {
      const mentioned = orgById.get(m.mentionedOrganizationId);
      const applies = rule.organizationId === row.organizationId || (mentioned && idsOnPath(mentioned.path).includes(rule.organizationId));
      if (!applies) continue;
      const candidate = judge(rule, m, articleById.get(m.articleId), mentioned?.name ?? "", queryOf);
      if (candidate && (await raiseAlert(tx, publicUrl, rule, zone, candidate, now, after))) raised++;
    }
  }
  return raised;
}

/**
 * The `alerts.evaluate` job: claims pending inbox rows one at a time (SKIP LOCKED, so several
 * workers share the work), evaluates each in its own transaction, then hands emails and remote
 * deliveries to their jobs. Returns the number of alerts raised.
 */
export async function evaluatePendingMentions(services: Services, now = new Date(), limit = 200): Promise<number> {
  let raised = 0;
  for (let i = 0; i < limit; i++) {
    const after = emptyAfterCommit();
    const done = await services.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(alertInbox)
        .where(isNull(alertInbox.processedAt))
        .orderBy(alertInbox.createdAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return false;
      raised += await evaluateInboxRow(tx, services.publicUrl, row, now, after);
      await tx.update(alertInbox).set({ processedAt: now }).where(eq(alertInbox.id, row.id));
      return true;
    });
    await runAfterCommit(services, after);
    if (!done) break;
  }
  return raised;
}
