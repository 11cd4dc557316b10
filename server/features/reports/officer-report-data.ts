import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Golongan, Jenjang, Predikat } from "../../../common/pranata-humas";
import { REGIONAL_KINDS, type TimeZoneCode, UTC_OFFSET } from "../../../common/roles";
import type { ReportPeriod } from "../../../common/schemas/reports";
import type { Executor } from "../../db/client";
import { hasilKerjaTypes, officerRatings, officers, organizations, workLogEvidence, workLogs } from "../../db/schema";
import type { FileStore } from "../../lib/file-store";
import type { Actor } from "../../policies/core";
import { akForPeriod, akSummary, roundAk } from "../angka-kredit/ak-calculator";
import { loadAkRules } from "../angka-kredit/ak-rules-store";
import { officerPolicy } from "../officers/officer.policy";
import { findVisibleOfficer } from "../officers/officer-queries";
import { findRegion } from "../regions/region-catalog";
import { localDate } from "./report-format";

/** The letterhead (kop surat): the government, the agency, its contacts and emblem. */
export interface Letterhead {
  government: string | null;
  agency: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  logo: Buffer | null;
  /** Where the document is signed ("Denpasar"), or null when no address or region tells. */
  city: string | null;
}

export interface ReportPerson {
  name: string;
  nip: string;
  jenjang: string;
  golongan: string;
}

export interface OfficerReportData {
  period: ReportPeriod;
  /** The signing date, today in the organization's time zone. */
  date: string;
  letterhead: Letterhead;
  officer: ReportPerson & { unit: string };
  supervisor: ReportPerson | null;
  entries: {
    date: string;
    code: string;
    type: string;
    title: string;
    evidence: number;
    status: string;
  }[];
  ratings: {
    startMonth: string;
    endMonth: string;
    jenjang: string;
    predikat: string;
    months: number;
    percent: number | null;
    koefisien: number | null;
    ak: number | null;
  }[];
  ak: {
    akAwal: number;
    /** Counted towards the cumulative AK: ratings that ended before the period, and those in it. */
    before: number | null;
    periodTotal: number;
    cumulative: number | null;
    asOf: string;
    nextPangkat: { target: string | null; threshold: number | null; remaining: number | null };
    note: string | null;
  };
}

type OrgRow = typeof organizations.$inferSelect;

/** The last part of an address that names a place: "Jl. …, Renon, Denpasar 80235" → "Denpasar". */
function cityOf(address: string | null): string | null {
  const last = address
    ?.split(",")
    .map((p) => p.replace(/\b\d{5}\b/g, "").trim())
    .filter(Boolean)
    .pop();
  return last && !/^\d/.test(last) ? last : null;
}

function titleCase(s: string) {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * The kop comes from the agency (the nearest OPD or instansi above a unit kerja) under its
 * regional government; the emblem is the nearest logo walking up from the officer's unit.
 */
async function letterhead(db: Executor, files: FileStore, org: OrgRow): Promise<Letterhead> {
  const ids = org.path.split("/").filter(Boolean);
  const rows = await db.select().from(organizations).where(inArray(organizations.id, ids));
  const chain = ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgRow => Boolean(r));
  const upward = [...chain].reverse();
  const agency = upward.find((o) => o.kind === "opd" || o.kind === "instansi_vertikal" || REGIONAL_KINDS.includes(o.kind as never)) ?? org;
  const government = upward.find((o) => REGIONAL_KINDS.includes(o.kind as never)) ?? null;
  const contact = <K extends "address" | "phone" | "email" | "website">(k: K) =>
    agency[k] ?? (government && agency.kind !== "instansi_vertikal" ? government[k] : null);
  const withLogo = upward.find((o) => o.logoKey);
  const logo = withLogo?.logoKey ? await files.get(withLogo.logoKey) : null;
  let city = upward.map((o) => cityOf(o.address)).find(Boolean) ?? null;
  if (!city) {
    const region = upward.map((o) => (o.regionCode ? findRegion(o.regionCode) : undefined)).find((r) => r?.level === "regency");
    if (region) city = titleCase(region.name.replace(/^(KABUPATEN|KOTA)\s+/i, ""));
  }
  return {
    government: government && government.id !== agency.id ? government.name : null,
    agency: agency.name,
    address: contact("address"),
    phone: contact("phone"),
    email: contact("email"),
    website: contact("website"),
    logo,
    city,
  };
}

/** Everything both the PDF and the XLSX show, read inside the actor's visibility (404 otherwise). */
export async function loadOfficerReport(
  db: Executor,
  files: FileStore,
  actor: Actor,
  officerId: string,
  period: ReportPeriod,
  now = new Date(),
): Promise<OfficerReportData> {
  const row = await findVisibleOfficer(db, actor, officerId);
  officerPolicy.authorize(actor, "read", row);
  const [[officer], [org]] = await Promise.all([
    db.select().from(officers).where(eq(officers.id, officerId)),
    db.select().from(organizations).where(eq(organizations.id, row.organizationId)),
  ]);
  const tz = org.timeZone as TimeZoneCode;
  const [supervisor] = officer.supervisorId ? await db.select().from(officers).where(eq(officers.id, officer.supervisorId)) : [];
  const start = new Date(`${period.from}T00:00:00${UTC_OFFSET[tz]}`);
  const end = new Date(new Date(`${period.to}T00:00:00${UTC_OFFSET[tz]}`).getTime() + 86_400_000);
  const [entries, ratings, rules, head] = await Promise.all([
    db
      .select({
        occurredAt: workLogs.occurredAt,
        code: hasilKerjaTypes.code,
        type: hasilKerjaTypes.name,
        title: workLogs.title,
        status: workLogs.status,
        evidence: sql<number>`(select count(*) from ${workLogEvidence} e where e.work_log_id = ${workLogs.id})`.mapWith(Number),
      })
      .from(workLogs)
      .innerJoin(hasilKerjaTypes, eq(hasilKerjaTypes.id, workLogs.hasilKerjaTypeId))
      .where(
        and(
          eq(workLogs.officerId, officerId),
          eq(workLogs.status, "approved"),
          gte(workLogs.occurredAt, start),
          lt(workLogs.occurredAt, end),
        ),
      )
      .orderBy(asc(workLogs.occurredAt), asc(workLogs.id)),
    db.select().from(officerRatings).where(eq(officerRatings.officerId, officerId)).orderBy(asc(officerRatings.startMonth)),
    loadAkRules(db),
    letterhead(db, files, org),
  ]);

  const fromMonth = period.from.slice(0, 7);
  const toMonth = period.to.slice(0, 7);
  const inPeriod = ratings.filter((r) => r.endMonth >= fromMonth && r.startMonth <= toMonth);
  const ratingRows = inPeriod.map((r) => {
    try {
      const res = akForPeriod(
        { jenjang: r.jenjang as Jenjang, predikat: r.predikat as Predikat, startMonth: r.startMonth, endMonth: r.endMonth },
        rules.jenjang,
        rules.predikat,
      );
      const first = res.breakdown[0];
      return {
        startMonth: r.startMonth,
        endMonth: r.endMonth,
        jenjang: r.jenjang,
        predikat: r.predikat,
        months: res.months,
        percent: first?.percent ?? null,
        koefisien: first?.koefisien ?? null,
        ak: roundAk(res.ak),
      };
    } catch {
      return {
        startMonth: r.startMonth,
        endMonth: r.endMonth,
        jenjang: r.jenjang,
        predikat: r.predikat,
        months: 0,
        percent: null,
        koefisien: null,
        ak: null,
      };
    }
  });

  const today = localDate(now, tz);
  const asOf = period.to < today ? period.to : today;
  let cumulative: number | null = null;
  let nextPangkat: OfficerReportData["ak"]["nextPangkat"] = { target: null, threshold: null, remaining: null };
  let note: string | null = null;
  let before: number | null = null;
  let periodTotal = roundAk(ratingRows.reduce((sum, r) => sum + (r.ak ?? 0), 0));
  try {
    const s = akSummary(
      {
        officer: {
          jenjang: officer.jenjang as Jenjang,
          golongan: officer.golongan as Golongan,
          tmtJenjang: officer.tmtJabatan,
          akAwal: officer.akAwal,
        },
        ratings: ratings.map((r) => ({
          jenjang: r.jenjang as Jenjang,
          predikat: r.predikat as Predikat,
          startMonth: r.startMonth,
          endMonth: r.endMonth,
        })),
        asOf,
      },
      rules.jenjang,
      rules.predikat,
    );
    cumulative = roundAk(s.cumulative);
    // Split what counts (current jenjang, since its TMT) so the statement's lines add up.
    const counted = s.counted.map((c) => ({ ak: c.ak, early: ratings[c.index].endMonth < fromMonth }));
    before = roundAk(counted.filter((c) => c.early).reduce((sum, c) => sum + c.ak, 0));
    periodTotal = roundAk(counted.filter((c) => !c.early).reduce((sum, c) => sum + c.ak, 0));
    nextPangkat = {
      target: s.nextPangkat.golongan,
      threshold: s.nextPangkat.threshold,
      remaining: s.nextPangkat.remaining === null ? null : roundAk(s.nextPangkat.remaining),
    };
  } catch (err) {
    note = (err as Error).message; // shown on the statement instead of a number we cannot vouch for
  }

  return {
    period,
    date: today,
    letterhead: head,
    officer: { name: officer.name, nip: officer.nip, jenjang: officer.jenjang, golongan: officer.golongan, unit: unitName(org, head) },
    supervisor: supervisor
      ? { name: supervisor.name, nip: supervisor.nip, jenjang: supervisor.jenjang, golongan: supervisor.golongan }
      : null,
    entries: entries.map((e) => ({
      date: localDate(e.occurredAt, tz),
      code: e.code,
      type: e.type,
      title: e.title,
      evidence: e.evidence,
      status: e.status,
    })),
    ratings: ratingRows,
    ak: {
      akAwal: officer.akAwal,
      before,
      periodTotal,
      cumulative,
      asOf,
      nextPangkat,
      note,
    },
  };
}

/** "Subbagian Humas, Dinas Kesehatan …" for a unit inside an agency; the agency alone otherwise. */
function unitName(org: OrgRow, head: Letterhead) {
  return org.name === head.agency ? org.name : `${org.name}, ${head.agency}`;
}
