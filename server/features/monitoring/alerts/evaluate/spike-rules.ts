import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client";
import type { AlertExplanation } from "../../../../db/schema";
import { alertRules, organizations } from "../../../../db/schema";
import type { Services } from "../../../../services";
import { assessHour, DEFAULT_SPIKE_OPTIONS, type Spike } from "../../spike";
import { emptyAfterCommit, raiseAlert } from "../delivery/raise-alert";
import { runAfterCommit } from "./after-commit";
import { distinctiveTerms } from "./term-log-odds";

const HOUR = 3_600_000;
const SPIKE_KINDS = ["volume_spike", "negative_share_spike"];
/** Hours of history: the robust baseline's weeks of same-hour-of-week plus the hour judged. */
const HISTORY_HOURS = DEFAULT_SPIKE_OPTIONS.weeks * 168 + 1;

/** Mentions in a rule's scope: of its organization or below, or in its own sources' articles. */
const scopeSql = (orgId: string, path: string) => sql`(mo.path like ${`${path}%`} or a.organization_id = ${orgId})`;

/** Distinct articles per hour (and how many of them were negative) over `[start, end)`. */
export async function hourlySeries(tx: Executor, orgId: string, path: string, start: Date, hours: number) {
  const end = new Date(start.getTime() + hours * HOUR);
  const result = (await tx.execute(sql`
    select floor(extract(epoch from (m.published_at - ${start.toISOString()}::timestamptz)) / 3600)::int as h,
           count(distinct m.article_id)::int as n,
           count(distinct m.article_id) filter (where coalesce(m.corrected_tone, m.tone) = 'negative')::int as neg
      from article_mentions m
      join articles a on a.id = m.article_id
      join organizations mo on mo.id = m.mentioned_organization_id
     where m.published_at >= ${start.toISOString()}::timestamptz and m.published_at < ${end.toISOString()}::timestamptz
       and ${scopeSql(orgId, path)}
     group by 1`)) as unknown as { rows: { h: number; n: number; neg: number }[] };
  const counts = new Array<number>(hours).fill(0);
  const negatives = new Array<number>(hours).fill(0);
  for (const r of result.rows) {
    counts[r.h] = Number(r.n);
    negatives[r.h] = Number(r.neg);
  }
  return { counts, negatives, start: start.getTime() };
}

interface ScopedArticle {
  id: string;
  title: string;
  lead: string;
  url: string;
  outlet: string | null;
  cluster_id: string | null;
  cluster_title: string | null;
  negative: boolean;
}

async function articlesBetween(tx: Executor, orgId: string, path: string, from: Date, to: Date, limit: number) {
  const result = (await tx.execute(sql`
    select distinct on (a.id) a.id, a.title, a.lead, a.url, a.outlet_name as outlet, a.cluster_id,
           c.title as cluster_title, (coalesce(m.corrected_tone, m.tone) = 'negative') as negative
      from article_mentions m
      join articles a on a.id = m.article_id
      join organizations mo on mo.id = m.mentioned_organization_id
      left join story_clusters c on c.id = a.cluster_id
     where m.published_at >= ${from.toISOString()}::timestamptz and m.published_at < ${to.toISOString()}::timestamptz
       and ${scopeSql(orgId, path)}
     order by a.id
     limit ${limit}`)) as unknown as { rows: ScopedArticle[] };
  return result.rows;
}

/** The stories, outlets and terms behind a spike hour, against the week before it. */
export async function explainSpike(tx: Executor, orgId: string, path: string, spike: Spike, hourStart: Date): Promise<AlertExplanation> {
  const inHour = await articlesBetween(tx, orgId, path, hourStart, new Date(hourStart.getTime() + HOUR), 2000);
  const focus = spike.kind === "negative_share" ? inHour.filter((a) => a.negative) : inHour;
  const baseline = await articlesBetween(tx, orgId, path, new Date(hourStart.getTime() - 7 * 24 * HOUR), hourStart, 3000);
  const stories = new Map<string, { clusterId: string | null; title: string; count: number; articleId: string; url: string }>();
  const outlets = new Map<string, number>();
  for (const a of focus) {
    const key = a.cluster_id ?? a.id;
    const s = stories.get(key) ?? { clusterId: a.cluster_id, title: a.cluster_title ?? a.title, count: 0, articleId: a.id, url: a.url };
    s.count++;
    stories.set(key, s);
    const outlet = a.outlet ?? "—";
    outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
  }
  const text = (a: ScopedArticle) => `${a.title}\n${a.lead}`;
  return {
    hour: hourStart.toISOString(),
    count: inHour.length,
    expected: spike.kind === "volume" ? spike.baseline : undefined,
    z: spike.magnitude,
    negativeShare: spike.kind === "negative_share" ? spike.value : undefined,
    stories: [...stories.values()].sort((x, y) => y.count - x.count).slice(0, 5),
    outlets: [...outlets.entries()]
      .map(([name, count]) => ({ name, count }))
      .sort((x, y) => y.count - x.count)
      .slice(0, 5),
    terms: distinctiveTerms(focus.map(text), baseline.map(text)).map(({ term, logOdds, count }) => ({
      term,
      logOdds: Math.round(logOdds * 100) / 100,
      count,
    })),
  };
}

/**
 * The hourly cron: judges the last complete hour of each enabled spike rule against its trailing
 * hour-of-week baseline and raises an explained alert. `last_spike_hour` makes a rerun of the same
 * hour a no-op; the rule's de-duplication window keeps one alert per episode.
 */
export async function evaluateSpikeRules(services: Services, now = new Date()): Promise<number> {
  const hourStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR - HOUR);
  const start = new Date(hourStart.getTime() - (HISTORY_HOURS - 1) * HOUR);
  const due = await services.db
    .select({ rule: alertRules, path: organizations.path, zone: organizations.timeZone })
    .from(alertRules)
    .innerJoin(organizations, eq(organizations.id, alertRules.organizationId))
    .where(
      and(
        eq(alertRules.enabled, true),
        inArray(alertRules.kind, SPIKE_KINDS),
        or(sql`${alertRules.lastSpikeHour} is null`, lt(alertRules.lastSpikeHour, hourStart)),
      ),
    );
  let raised = 0;
  for (const { rule, path, zone } of due) {
    const after = emptyAfterCommit();
    await services.db.transaction(async (tx) => {
      const claimed = await tx
        .update(alertRules)
        .set({ lastSpikeHour: hourStart })
        .where(and(eq(alertRules.id, rule.id), or(sql`${alertRules.lastSpikeHour} is null`, lt(alertRules.lastSpikeHour, hourStart))))
        .returning({ id: alertRules.id });
      if (claimed.length === 0) return;
      const series = await hourlySeries(tx, rule.organizationId, path, start, HISTORY_HOURS);
      const options = {
        ...(rule.config.zThreshold ? { zThreshold: rule.config.zThreshold, shareZThreshold: rule.config.zThreshold } : {}),
        ...(rule.config.minCount ? { minCount: rule.config.minCount, shareMinCount: rule.config.minCount } : {}),
      };
      const wanted = rule.kind === "volume_spike" ? "volume" : "negative_share";
      const spike = assessHour(series, HISTORY_HOURS - 1, options).find((s) => s.kind === wanted);
      if (!spike) return;
      const explanation = await explainSpike(tx, rule.organizationId, path, spike, hourStart);
      const top = explanation.stories?.[0];
      const title =
        spike.kind === "volume"
          ? `${spike.value} artikel dalam satu jam (biasanya ±${Math.round(spike.baseline)})`
          : `${Math.round(spike.value * 100)}% berita negatif dalam satu jam (biasanya ${Math.round(spike.baseline * 100)}%)`;
      const summary = [
        top ? `Cerita utama: ${top.title}` : "",
        explanation.terms?.length ? `Istilah: ${explanation.terms.map((t) => t.term).join(", ")}` : "",
      ]
        .filter(Boolean)
        .join(" · ");
      const id = await raiseAlert(
        tx,
        services.publicUrl,
        rule,
        zone,
        {
          kind: rule.kind,
          dedupKey: `spike:${spike.kind}`,
          title,
          summary,
          url: top?.url ?? null,
          clusterId: top?.clusterId ?? null,
          explanation,
        },
        now,
        after,
      );
      if (id) raised++;
    });
    await runAfterCommit(services, after);
  }
  return raised;
}
