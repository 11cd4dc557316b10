import { and, asc, count, eq, gte, like, lt, min, sql } from "drizzle-orm";
import type { Golongan, Jenjang, Predikat } from "../../../common/pranata-humas";
import { type TimeZoneCode, UTC_OFFSET } from "../../../common/roles";
import type { Executor } from "../../db/client";
import { hasilKerjaTypes, officerRatings, officers, organizations, workLogs } from "../../db/schema";
import { akSummary, roundAk } from "../angka-kredit/ak-calculator";
import { loadAkRules } from "../angka-kredit/ak-rules-store";
import { treeOrder } from "../organizations/organization-queries";
import { localDate } from "./report-format";

export interface RecapData {
  organization: { id: string; name: string; slug: string };
  year: number;
  asOf: string;
  organizations: { id: string; name: string; level: number; byJenjang: Record<string, number>; total: number }[];
  workLogs: { code: string; name: string; byStatus: Record<string, number>; total: number }[];
  queue: { organization: string; waiting: number; oldestSubmittedAt: Date; oldestDays: number }[];
  ak: {
    nip: string;
    name: string;
    organization: string;
    jenjang: string;
    golongan: string;
    cumulative: number | null;
    nextPangkat: { target: string | null; threshold: number | null; remaining: number | null; eligible: boolean };
    nextJenjang: { target: string | null; threshold: number | null; remaining: number | null; eligible: boolean };
    note: string | null;
  }[];
}

const DAY = 86_400_000;

/**
 * The agency recap: an organization and its whole subtree (one path range scan per query),
 * for one calendar year in the organization's time zone. `progress` is told between steps.
 */
export async function loadRecap(
  db: Executor,
  organizationId: string,
  year: number,
  progress: (pct: number) => Promise<void> = async () => undefined,
  now = new Date(),
): Promise<RecapData> {
  const [root] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!root) throw new Error(`organization ${organizationId} not found`);
  const inTree = like(organizations.path, `${root.path}%`);
  const tz = root.timeZone as TimeZoneCode;
  const start = new Date(`${year}-01-01T00:00:00${UTC_OFFSET[tz]}`);
  const end = new Date(`${year + 1}-01-01T00:00:00${UTC_OFFSET[tz]}`);
  const today = localDate(now, tz);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;

  // 1. Officers by jenjang and organization.
  const orgs = await db
    .select({ id: organizations.id, name: organizations.name, parentId: organizations.parentId })
    .from(organizations)
    .where(inTree);
  const counts = await db
    .select({ organizationId: officers.organizationId, jenjang: officers.jenjang, n: count() })
    .from(officers)
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .where(and(inTree, eq(officers.active, true)))
    .groupBy(officers.organizationId, officers.jenjang);
  const organizationRows = treeOrder(orgs.map((o) => (o.id === root.id ? { ...o, parentId: null } : o))).map((o) => {
    const byJenjang: Record<string, number> = {};
    for (const c of counts.filter((c) => c.organizationId === o.id)) byJenjang[c.jenjang] = c.n;
    return { id: o.id, name: o.name, level: o.level, byJenjang, total: Object.values(byJenjang).reduce((s, n) => s + n, 0) };
  });
  await progress(25);

  // 2. Work logs of the year per hasil kerja type and status.
  const logCounts = await db
    .select({ typeId: workLogs.hasilKerjaTypeId, status: workLogs.status, n: count() })
    .from(workLogs)
    .innerJoin(officers, eq(officers.id, workLogs.officerId))
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .where(and(inTree, gte(workLogs.occurredAt, start), lt(workLogs.occurredAt, end)))
    .groupBy(workLogs.hasilKerjaTypeId, workLogs.status);
  const types = await db.select().from(hasilKerjaTypes).orderBy(asc(hasilKerjaTypes.code));
  const workLogRows = types
    .map((t) => {
      const byStatus: Record<string, number> = {};
      for (const c of logCounts.filter((c) => c.typeId === t.id)) byStatus[c.status] = c.n;
      return { code: t.code, name: t.name, active: t.active, byStatus, total: Object.values(byStatus).reduce((s, n) => s + n, 0) };
    })
    .filter((t) => t.active || t.total > 0)
    .map(({ active: _a, ...t }) => t);
  await progress(45);

  // 3. The verification queue now: waiting entries per organization and the oldest one's age.
  const waiting = await db
    .select({ organization: organizations.name, waiting: count(), oldest: min(workLogs.submittedAt) })
    .from(workLogs)
    .innerJoin(officers, eq(officers.id, workLogs.officerId))
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .where(and(inTree, eq(workLogs.status, "submitted")))
    .groupBy(organizations.name)
    .orderBy(sql`min(${workLogs.submittedAt})`);
  const queue = waiting.map((w) => {
    const oldest = w.oldest ? new Date(w.oldest) : now;
    return {
      organization: w.organization,
      waiting: w.waiting,
      oldestSubmittedAt: oldest,
      oldestDays: Math.floor((now.getTime() - oldest.getTime()) / DAY),
    };
  });
  await progress(60);

  // 4. AK per active officer, as of the end of the year (or today, within the current year).
  const [people, ratings, rules] = await Promise.all([
    db
      .select({
        id: officers.id,
        nip: officers.nip,
        name: officers.name,
        organization: organizations.name,
        jenjang: officers.jenjang,
        golongan: officers.golongan,
        tmtJabatan: officers.tmtJabatan,
        akAwal: officers.akAwal,
      })
      .from(officers)
      .innerJoin(organizations, eq(organizations.id, officers.organizationId))
      .where(and(inTree, eq(officers.active, true)))
      .orderBy(asc(organizations.name), asc(officers.name)),
    db
      .select({
        officerId: officerRatings.officerId,
        jenjang: officerRatings.jenjang,
        predikat: officerRatings.predikat,
        startMonth: officerRatings.startMonth,
        endMonth: officerRatings.endMonth,
      })
      .from(officerRatings)
      .innerJoin(officers, eq(officers.id, officerRatings.officerId))
      .innerJoin(organizations, eq(organizations.id, officers.organizationId))
      .where(and(inTree, eq(officers.active, true))),
    loadAkRules(db),
  ]);
  const byOfficer = new Map<string, typeof ratings>();
  for (const r of ratings) byOfficer.set(r.officerId, [...(byOfficer.get(r.officerId) ?? []), r]);
  await progress(75);
  const none = { target: null, threshold: null, remaining: null, eligible: false };
  const ak = people.map((p) => {
    const base = { nip: p.nip, name: p.name, organization: p.organization, jenjang: p.jenjang, golongan: p.golongan };
    try {
      const s = akSummary(
        {
          officer: { jenjang: p.jenjang as Jenjang, golongan: p.golongan as Golongan, tmtJenjang: p.tmtJabatan, akAwal: p.akAwal },
          ratings: (byOfficer.get(p.id) ?? []).map((r) => ({ ...r, jenjang: r.jenjang as Jenjang, predikat: r.predikat as Predikat })),
          asOf,
        },
        rules.jenjang,
        rules.predikat,
      );
      const round = (x: number | null) => (x === null ? null : roundAk(x));
      return {
        ...base,
        cumulative: roundAk(s.cumulative),
        nextPangkat: {
          target: s.nextPangkat.golongan,
          threshold: s.nextPangkat.threshold,
          remaining: round(s.nextPangkat.remaining),
          eligible: s.eligible.pangkat,
        },
        nextJenjang: {
          target: s.nextJenjang.jenjang,
          threshold: s.nextJenjang.threshold,
          remaining: round(s.nextJenjang.remaining),
          eligible: s.eligible.jenjang,
        },
        note: null,
      };
    } catch (err) {
      return { ...base, cumulative: null, nextPangkat: none, nextJenjang: none, note: (err as Error).message };
    }
  });
  await progress(90);
  return {
    organization: { id: root.id, name: root.name, slug: root.slug },
    year,
    asOf,
    organizations: organizationRows,
    workLogs: workLogRows,
    queue,
    ak,
  };
}
