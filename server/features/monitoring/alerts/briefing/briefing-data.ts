import { sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client";
import { localClock } from "../delivery/quiet-hours";

const HOUR = 3_600_000;

export interface BriefingData {
  organization: { id: string; name: string; timeZone: string };
  /** Local date the briefing is for, and the 24 hours it covers. */
  day: string;
  from: Date;
  to: Date;
  tone: { positive: number; neutral: number; negative: number; total: number };
  stories: { title: string; articles: number; outlets: number; negative: number; url: string }[];
  openIssues: { title: string; severity: string; status: string; organization: string; dueAt: Date; breached: boolean }[];
  /** Press releases of the subtree that outlets ran in the 24 hours, most-picked first. */
  pickups: { release: string; outlets: number; articles: number; beforeRelease: number }[];
}

/**
 * What the daily briefing of an organization says: the last 24 hours of mentions in its scope
 * (of it or below it, or in its own sources' articles), the stories behind them, the tone
 * breakdown and the open issues of its subtree.
 */
export async function gatherBriefing(
  tx: Executor,
  org: { id: string; name: string; path: string; timeZone: string },
  now: Date,
): Promise<BriefingData> {
  const from = new Date(now.getTime() - 24 * HOUR);
  const scope = sql`(mo.path like ${`${org.path}%`} or a.organization_id = ${org.id})`;
  const range = sql`m.published_at >= ${from.toISOString()}::timestamptz and m.published_at < ${now.toISOString()}::timestamptz`;
  const toneRows = (await tx.execute(sql`
    select t.tone, count(*)::int as n from (
      select distinct on (m.article_id) m.article_id, coalesce(m.corrected_tone, m.tone) as tone
        from article_mentions m join articles a on a.id = m.article_id join organizations mo on mo.id = m.mentioned_organization_id
       where ${range} and ${scope}
       order by m.article_id, (coalesce(m.corrected_tone, m.tone) = 'negative') desc
    ) t group by t.tone`)) as unknown as { rows: { tone: string; n: number }[] };
  const tone = { positive: 0, neutral: 0, negative: 0, total: 0 };
  for (const r of toneRows.rows) {
    if (r.tone === "positive" || r.tone === "neutral" || r.tone === "negative") tone[r.tone] = Number(r.n);
    tone.total += Number(r.n);
  }
  const storyRows = (await tx.execute(sql`
    select coalesce(c.title, min(a.title)) as title, count(distinct a.id)::int as articles,
           count(distinct coalesce(a.outlet_name, a.url))::int as outlets,
           count(distinct a.id) filter (where coalesce(m.corrected_tone, m.tone) = 'negative')::int as negative,
           min(a.url) as url
      from article_mentions m join articles a on a.id = m.article_id join organizations mo on mo.id = m.mentioned_organization_id
      left join story_clusters c on c.id = a.cluster_id
     where ${range} and ${scope}
     group by coalesce(a.cluster_id, a.id), c.title
     order by articles desc, negative desc
     limit 10`)) as unknown as { rows: BriefingData["stories"] };
  const issueRows = (await tx.execute(sql`
    select i.title, i.severity, i.status, o.name as organization, i.due_at as "dueAt"
      from media_issues i join organizations o on o.id = i.organization_id
     where o.path like ${`${org.path}%`} and i.status <> 'selesai'
     order by i.due_at limit 30`)) as unknown as {
    rows: { title: string; severity: string; status: string; organization: string; dueAt: string | Date }[];
  };
  const pickupRows = (await tx.execute(sql`
    select c.title as release, count(distinct coalesce(p.outlet_id::text, p.outlet_name, p.article_url))::int as outlets,
           count(*)::int as articles, count(*) filter (where p.before_release)::int as "beforeRelease"
      from release_pickups p join content_items c on c.id = p.content_id join organizations po on po.id = p.organization_id
     where po.path like ${`${org.path}%`}
       and p.published_at >= ${from.toISOString()}::timestamptz and p.published_at < ${now.toISOString()}::timestamptz
     group by c.id, c.title order by outlets desc, articles desc limit 10`)) as unknown as { rows: BriefingData["pickups"] };
  return {
    organization: { id: org.id, name: org.name, timeZone: org.timeZone },
    day: localClock(now, org.timeZone).day,
    from,
    to: now,
    tone,
    stories: storyRows.rows.map((s) => ({ ...s, articles: Number(s.articles), outlets: Number(s.outlets), negative: Number(s.negative) })),
    openIssues: issueRows.rows.map((i) => {
      const dueAt = new Date(i.dueAt);
      return { ...i, dueAt, breached: dueAt.getTime() <= now.getTime() };
    }),
    pickups: pickupRows.rows.map((p) => ({
      ...p,
      outlets: Number(p.outlets),
      articles: Number(p.articles),
      beforeRelease: Number(p.beforeRelease),
    })),
  };
}
