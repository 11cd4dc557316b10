/**
 * Monitoring analytics over the same filters as article search: volume and tone over time, top
 * outlets, stories and terms, share of voice among agencies, and articles per kabupaten/kota.
 *
 * Scope and filters come from planSearch. A Boolean query narrows by its index form (toTsQuery:
 * words, prefixes and phrases exact; NEAR/n counted as AND) — aggregates over many thousands of
 * rows cannot afford the exact matcher per row, which the article list applies.
 *
 * An article's tone here is its tone toward the organizations in view: the organization filter
 * if given, else every organization in scope; when several were mentioned the most negative
 * mention decides (one negative mention of an agency is what its PR unit must see). Articles
 * with no mention in view are "unrated".
 */
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { IANA_TIME_ZONE, type TimeZoneCode } from "../../../../common/roles";
import type { AnalyticsView, analyticsQuery } from "../../../../common/schemas/monitoring-analytics";
import type { Executor } from "../../../db/client";
import type { Actor } from "../../../policies/core";
import { regionCatalog } from "../../regions/region-catalog";
import { uuidArray } from "../articles/article-scope";
import { planSearch } from "../articles/article-search";
import { topTerms } from "./top-terms";

export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const DEFAULT_DAYS = 30;
const TOP = 10;
const TERM_SAMPLE = 3000;

export async function monitoringAnalytics(db: Executor, actor: Actor, query: AnalyticsQuery, zone: TimeZoneCode): Promise<AnalyticsView> {
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const plan = await planSearch(db, actor, { ...query, from, to, sort: "date" });
  const toneOrgs = query.organizationId ? [query.organizationId] : plan.orgs;
  const tz = IANA_TIME_ZONE[zone];
  const filtered = sql`select a.id, a.published_at, a.outlet_name, a.cluster_id, a.title, a.lead, a.search,
      (select coalesce(m.corrected_tone, m.tone) from article_mentions m
        where m.article_id = a.id and m.mentioned_organization_id = any(${uuidArray(toneOrgs)})
        order by case coalesce(m.corrected_tone, m.tone) when 'negative' then 0 when 'positive' then 1 else 2 end limit 1) as tone
    from articles a where ${sql.join(plan.where, sql` and `)}`;
  const toneCols = sql`count(*) filter (where f.tone = 'positive')::int as positive,
    count(*) filter (where f.tone = 'neutral')::int as neutral,
    count(*) filter (where f.tone = 'negative')::int as negative,
    count(*) filter (where f.tone is null)::int as unrated`;

  type ToneRow = { total: number; positive: number; neutral: number; negative: number; unrated: number };
  const [totals] = rowsOf<ToneRow>(await db.execute(sql`with f as (${filtered}) select count(*)::int as total, ${toneCols} from f`));

  const unit = sql.raw(`'${query.interval}'`);
  const volume = rowsOf<ToneRow & { bucket: string }>(
    await db.execute(sql`with f as (${filtered}),
      b as (select generate_series(date_trunc(${unit}, ${from}::date::timestamp), date_trunc(${unit}, ${to}::date::timestamp), ${sql.raw(`'1 ${query.interval}'`)}::interval) as bucket)
      select to_char(b.bucket, 'YYYY-MM-DD') as bucket, count(f.id)::int as total, ${toneCols}
      from b left join f on date_trunc(${unit}, f.published_at at time zone ${tz}) = b.bucket
      group by b.bucket order by b.bucket`),
  );

  const topOutlets = rowsOf<{ outlet: string; articles: number; negative: number }>(
    await db.execute(sql`with f as (${filtered})
      select coalesce(f.outlet_name, '(tanpa nama media)') as outlet, count(*)::int as articles,
        count(*) filter (where f.tone = 'negative')::int as negative
      from f group by 1 order by 2 desc, 1 limit ${TOP}`),
  );

  const topStories = rowsOf<{ clusterId: string; title: string; articles: number; outlets: number }>(
    await db.execute(sql`with f as (${filtered})
      select c.id as "clusterId", c.title, count(*)::int as articles, count(distinct f.outlet_name)::int as outlets
      from f join story_clusters c on c.id = f.cluster_id
      group by c.id, c.title having count(*) > 1 order by 3 desc, 4 desc limit ${TOP}`),
  );

  const sample = rowsOf<{ title: string; lead: string }>(
    await db.execute(sql`with f as (${filtered}) select f.title, f.lead from f order by f.published_at desc limit ${TERM_SAMPLE}`),
  );

  const voice = rowsOf<{ organizationId: string; name: string; mentions: number; negative: number }>(
    await db.execute(sql`with f as (${filtered})
      select o.id as "organizationId", o.name, count(distinct m.article_id)::int as mentions,
        count(distinct m.article_id) filter (where coalesce(m.corrected_tone, m.tone) = 'negative')::int as negative
      from f join article_mentions m on m.article_id = f.id join organizations o on o.id = m.mentioned_organization_id
      where m.mentioned_organization_id = any(${uuidArray(plan.orgs)})
      group by o.id, o.name order by 3 desc, 2 limit 50`),
  );
  const voiceTotal = voice.reduce((s, v) => s + v.mentions, 0);

  return {
    from,
    to,
    interval: query.interval,
    total: totals.total,
    tone: { positive: totals.positive, neutral: totals.neutral, negative: totals.negative, unrated: totals.unrated },
    volume,
    topOutlets,
    topStories,
    topTerms: topTerms(sample.map((s) => `${s.title}. ${s.lead}`)),
    shareOfVoice: voice.map((v) => ({ ...v, share: voiceTotal ? Math.round((v.mentions / voiceTotal) * 1000) / 1000 : 0 })),
    regions: await regionCounts(db, filtered, plan.orgs),
  };
}

/**
 * Articles per kabupaten/kota of the province in scope, by the place name in the text (full-text
 * phrase match on the regency's name without "Kabupaten"/"Kota"). Every regency is listed, so
 * the map shows the quiet ones too.
 */
async function regionCounts(db: Executor, filtered: SQL, orgs: string[]) {
  const [root] = rowsOf<{ region_code: string }>(
    await db.execute(sql`select region_code from organizations where id = any(${uuidArray(orgs)}) and region_code is not null
      order by length(path) limit 1`),
  );
  if (!root) return [];
  const province = root.region_code.slice(0, 2);
  const regencies = [...regionCatalog().values()].filter((r) => r.level === "regency" && r.provinceCode === province);
  if (regencies.length === 0) return [];
  const values = sql.join(
    regencies.map((r) => sql`(${r.code}, phraseto_tsquery('indonesian', ${placeName(r.name)}))`),
    sql`, `,
  );
  const counts = rowsOf<{ code: string; articles: number; negative: number }>(
    await db.execute(sql`with f as (${filtered}), r(code, q) as (values ${values})
      select r.code, count(f.id)::int as articles, count(f.id) filter (where f.tone = 'negative')::int as negative
      from r left join f on f.search @@ r.q group by r.code`),
  );
  const byCode = new Map(counts.map((c) => [c.code, c]));
  return regencies.map((r) => ({
    code: r.code,
    name: r.name,
    articles: byCode.get(r.code)?.articles ?? 0,
    negative: byCode.get(r.code)?.negative ?? 0,
  }));
}

/** "Kabupaten Badung" → "Badung", "Kota Denpasar" → "Denpasar", "Kabupaten Kepulauan Seribu" stays whole after the prefix. */
export const placeName = (name: string) => name.replace(/^(Kabupaten|Kota Administrasi|Kota)\s+/i, "");
