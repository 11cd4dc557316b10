import { z } from "zod";
import { LIMITS } from "../limits";
import { GOLONGAN, JENJANG, KATEGORI, PREDIKAT } from "../pranata-humas";
import { can, id, paged, pageQuery } from "./shared";

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const isoDate = z.iso.date();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const officerFields = {
  // Length and digits are checked by parseNip, which names the precise problem.
  nip: z.string().trim().min(1).max(40),
  name: text(LIMITS.name).min(2),
  organizationId: id,
  userId: id.nullable().optional(),
  jenjang: z.enum(JENJANG),
  golongan: z.enum(GOLONGAN),
  tmtJabatan: isoDate,
  tmtPangkat: isoDate,
  supervisorId: id.nullable().optional(),
  education: optionalText(200),
  email: z.email().max(LIMITS.email).nullable().optional(),
  phone: optionalText(LIMITS.phone),
  akAwal: z.number().min(0).max(10_000).optional(),
};

export const createOfficerBody = z.strictObject(officerFields);
export const updateOfficerBody = z.strictObject({
  name: officerFields.name.optional(),
  organizationId: id.optional(),
  userId: officerFields.userId,
  jenjang: officerFields.jenjang.optional(),
  golongan: officerFields.golongan.optional(),
  tmtJabatan: isoDate.optional(),
  tmtPangkat: isoDate.optional(),
  supervisorId: officerFields.supervisorId,
  education: officerFields.education,
  email: officerFields.email,
  phone: officerFields.phone,
  akAwal: officerFields.akAwal,
});

export const officerListQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  organizationId: id.optional(),
  jenjang: z.enum(JENJANG).optional(),
  active: z.enum(["true", "false", "all"]).default("true"),
  /** Only the signed-in user's own officer record. */
  mine: z.enum(["true"]).optional(),
  sort: z.enum(["name", "-name", "nip", "-nip", "jenjang", "-jenjang"]).default("name"),
});

export const officerSummary = z.object({
  id,
  nip: z.string(),
  name: z.string(),
  organizationId: id,
  organizationName: z.string(),
  kategori: z.enum(KATEGORI),
  jenjang: z.enum(JENJANG),
  golongan: z.enum(GOLONGAN),
  active: z.boolean(),
  userId: id.nullable(),
  supervisorId: id.nullable(),
  supervisorName: z.string().nullable(),
});

export const careerEventView = z.object({
  id,
  kind: z.enum(["jenjang", "pangkat", "organization"]),
  fromValue: z.string().nullable(),
  toValue: z.string(),
  /** Readable names (organization names for placement changes). */
  fromLabel: z.string().nullable(),
  toLabel: z.string(),
  effectiveDate: z.string(),
  createdAt: z.string(),
});

export const ratingView = z.object({
  id,
  year: z.number().int(),
  startMonth: z.string(),
  endMonth: z.string(),
  jenjang: z.enum(JENJANG),
  predikat: z.enum(PREDIKAT),
  note: z.string().nullable(),
  ak: z.number(),
  createdAt: z.string(),
});

export const akCondition = z.object({ code: z.string(), met: z.boolean().nullable(), label: z.string(), detail: z.string().nullable() });
export const akProgress = z.object({
  target: z.string().nullable(),
  threshold: z.number().nullable(),
  remaining: z.number().nullable(),
  eligible: z.boolean(),
  conditions: z.array(akCondition),
});
export const akSummaryView = z.object({
  cumulative: z.number(),
  akAwal: z.number(),
  nextPangkat: akProgress,
  nextJenjang: akProgress,
});

export const officerView = officerSummary.extend({
  birthDate: z.string(),
  tmtCpns: z.string(),
  sex: z.enum(["L", "P"]),
  tmtJabatan: z.string(),
  tmtPangkat: z.string(),
  education: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  akAwal: z.number(),
  hasPhoto: z.boolean(),
  userName: z.string().nullable(),
  career: z.array(careerEventView),
  ratings: z.array(ratingView),
  ak: akSummaryView,
  can,
});
export type OfficerView = z.infer<typeof officerView>;

/** List rows carry the eligibility flags: who has become eligible for a promotion. */
export const officerList = paged(officerSummary.extend({ can, eligible: z.object({ pangkat: z.boolean(), jenjang: z.boolean() }) })).extend(
  { can },
);

export const createRatingBody = z.strictObject({
  startMonth: month,
  endMonth: month,
  predikat: z.enum(PREDIKAT),
  note: optionalText(1000),
});

export const hasilKerjaTypeFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,31}$/),
  kategori: z.enum(["keahlian", "keterampilan", "semua"]),
  jenjang: z.array(z.enum(JENJANG)).max(JENJANG.length).default([]),
  name: text(300).min(3),
  definition: text(4000).min(3),
  examples: text(4000).default(""),
  evidence: text(2000).default(""),
  active: z.boolean().default(true),
};
export const createHasilKerjaTypeBody = z.strictObject(hasilKerjaTypeFields);
export const updateHasilKerjaTypeBody = z.strictObject({
  kategori: hasilKerjaTypeFields.kategori.optional(),
  jenjang: z.array(z.enum(JENJANG)).max(JENJANG.length).optional(),
  name: hasilKerjaTypeFields.name.optional(),
  definition: hasilKerjaTypeFields.definition.optional(),
  examples: text(4000).optional(),
  evidence: text(2000).optional(),
  active: z.boolean().optional(),
});
export const hasilKerjaTypeView = z.object({
  id,
  code: z.string(),
  kategori: z.enum(["keahlian", "keterampilan", "semua"]),
  jenjang: z.array(z.enum(JENJANG)),
  name: z.string(),
  definition: z.string(),
  examples: z.string(),
  evidence: z.string(),
  active: z.boolean(),
});
export const hasilKerjaTypeList = z.object({ items: z.array(hasilKerjaTypeView), can });

export const jenjangRuleView = z.object({
  id,
  jenjang: z.enum(JENJANG),
  koefisien: z.number(),
  akNextPangkat: z.number(),
  akNextJenjang: z.number().nullable(),
  effectiveFrom: z.string(),
});
export const predikatRuleView = z.object({ id, predikat: z.enum(PREDIKAT), percent: z.number(), effectiveFrom: z.string() });
export const akRulesView = z.object({ jenjang: z.array(jenjangRuleView), predikat: z.array(predikatRuleView), can });
export const createJenjangRuleBody = z.strictObject({
  jenjang: z.enum(JENJANG),
  koefisien: z.number().positive().max(1000),
  akNextPangkat: z.number().positive().max(10_000),
  akNextJenjang: z.number().positive().max(10_000).nullable(),
  effectiveFrom: isoDate,
});
export const createPredikatRuleBody = z.strictObject({
  predikat: z.enum(PREDIKAT),
  percent: z.number().min(0).max(300),
  effectiveFrom: isoDate,
});

export const planQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });
export const putPlanBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        hasilKerjaTypeId: id,
        target: z.number().int().min(1).max(1000),
        note: z.string().trim().max(500).nullable().optional(),
      }),
    )
    .max(100),
});
export const planView = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      hasilKerjaTypeId: id,
      code: z.string(),
      name: z.string(),
      target: z.number().int(),
      note: z.string().nullable(),
      /** Approved work logs of that type in the year. */
      realized: z.number().int(),
    }),
  ),
  /** Approved entries of types that were not planned. */
  unplanned: z.array(z.object({ hasilKerjaTypeId: id, code: z.string(), name: z.string(), realized: z.number().int() })),
  can,
});
