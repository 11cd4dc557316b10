import { type Golongan, JENJANG_INFO, type Jenjang, type Kategori, type Predikat } from "../../../common/pranata-humas";
import type { OfficerView } from "../../../common/schemas/officers";
import type { Actor } from "../../policies/core";
import { akForPeriod, akSummary, type JenjangRule, type PredikatRule, roundAk } from "../angka-kredit/ak-calculator";
import { officerPolicy } from "./officer.policy";
import type { OfficerSummaryRow, officerDetail } from "./officer-queries";

export function presentOfficerSummary(row: OfficerSummaryRow, actor: Actor) {
  return {
    id: row.id,
    nip: row.nip,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    kategori: row.kategori as Kategori,
    jenjang: row.jenjang as Jenjang,
    golongan: row.golongan as Golongan,
    active: row.active,
    userId: row.userId,
    supervisorId: row.supervisorId,
    supervisorName: row.supervisorName,
    can: officerPolicy.abilities(actor, row),
  };
}

type Detail = Awaited<ReturnType<typeof officerDetail>>;
interface Rules {
  jenjang: JenjangRule[];
  predikat: PredikatRule[];
}

/** The full record with career history, ratings (each with its AK) and AK progress. */
export function presentOfficer(row: OfficerSummaryRow, detail: Detail, rules: Rules, actor: Actor, today = new Date()): OfficerView {
  const o = detail.officer;
  const ratings = detail.ratings.map((r) => {
    const period = { jenjang: r.jenjang as Jenjang, predikat: r.predikat as Predikat, startMonth: r.startMonth, endMonth: r.endMonth };
    let ak = 0;
    try {
      ak = roundAk(akForPeriod(period, rules.jenjang, rules.predikat).ak);
    } catch {
      ak = 0; // no rule in force for that period: shown as 0 rather than failing the page
    }
    return {
      id: r.id,
      year: r.year,
      startMonth: r.startMonth,
      endMonth: r.endMonth,
      jenjang: period.jenjang,
      predikat: period.predikat,
      note: r.note,
      ak,
      createdAt: r.createdAt.toISOString(),
    };
  });
  return {
    ...presentOfficerSummary(row, actor),
    birthDate: o.birthDate,
    tmtCpns: o.tmtCpns,
    sex: o.sex as "L" | "P",
    tmtJabatan: o.tmtJabatan,
    tmtPangkat: o.tmtPangkat,
    education: o.education,
    email: o.email,
    phone: o.phone,
    akAwal: o.akAwal,
    hasPhoto: o.photoKey !== null,
    userName: detail.userName,
    career: detail.career.map((c) => ({
      id: c.id,
      kind: c.kind as "jenjang" | "pangkat" | "organization",
      fromValue: c.fromValue,
      toValue: c.toValue,
      fromLabel: c.fromValue ? careerLabel(c.kind, c.fromValue, detail.orgNames) : null,
      toLabel: careerLabel(c.kind, c.toValue, detail.orgNames),
      effectiveDate: c.effectiveDate,
      createdAt: c.createdAt.toISOString(),
    })),
    ratings,
    ak: presentAk(o, detail.ratings, rules, today),
  };
}

function careerLabel(kind: string, value: string, orgNames: Map<string, string>): string {
  if (kind === "organization") return orgNames.get(value) ?? value;
  if (kind === "jenjang") return JENJANG_INFO[value as Jenjang]?.name ?? value;
  return value;
}

function presentAk(o: Detail["officer"], ratings: Detail["ratings"], rules: Rules, today: Date): OfficerView["ak"] {
  try {
    const s = akSummary(
      {
        officer: { jenjang: o.jenjang as Jenjang, golongan: o.golongan as Golongan, tmtJenjang: o.tmtJabatan, akAwal: o.akAwal },
        ratings: ratings.map((r) => ({
          jenjang: r.jenjang as Jenjang,
          predikat: r.predikat as Predikat,
          startMonth: r.startMonth,
          endMonth: r.endMonth,
        })),
        asOf: today.toISOString().slice(0, 10),
      },
      rules.jenjang,
      rules.predikat,
    );
    const conditions = (c: { code: string; met: boolean | null; label: string; detail?: string }[]) =>
      c.map(({ code, met, label, detail }) => ({ code, met, label, detail: detail ?? null }));
    return {
      cumulative: roundAk(s.cumulative),
      akAwal: s.akAwal,
      nextPangkat: {
        target: s.nextPangkat.golongan,
        threshold: s.nextPangkat.threshold,
        remaining: s.nextPangkat.remaining === null ? null : roundAk(s.nextPangkat.remaining),
        eligible: s.eligible.pangkat,
        conditions: conditions(s.nextPangkat.conditions),
      },
      nextJenjang: {
        target: s.nextJenjang.jenjang,
        threshold: s.nextJenjang.threshold,
        remaining: s.nextJenjang.remaining === null ? null : roundAk(s.nextJenjang.remaining),
        eligible: s.eligible.jenjang,
        conditions: conditions(s.nextJenjang.conditions),
      },
    };
  } catch (err) {
    // Inconsistent records (e.g. a TMT in the future) must not break the page: say what is wrong.
    const blocked = {
      target: null,
      threshold: null,
      remaining: null,
      eligible: false,
      conditions: [{ code: "data", met: false, label: (err as Error).message, detail: null }],
    };
    return { cumulative: o.akAwal, akAwal: o.akAwal, nextPangkat: blocked, nextJenjang: blocked };
  }
}
