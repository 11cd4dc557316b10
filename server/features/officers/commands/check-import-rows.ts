import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { ErrorCode } from "../../../../common/i18n/errors";
import { LIMITS } from "../../../../common/limits";
import { GOLONGAN, type Golongan, JENJANG, JENJANG_INFO, type Jenjang } from "../../../../common/pranata-humas";
import type { OfficerSheetKey } from "../../../../common/schemas/officer-import";
import type { Executor } from "../../../db/client";
import { officers, organizations, users } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import { newId } from "../../../lib/ids";
import type { Actor } from "../../../policies/core";
import { inScope } from "../../organizations/organization-queries";
import { visibleUser } from "../../users/user-queries";
import { registryPolicy } from "../officer.policy";
import { findVisibleOfficersByNip } from "../officer-queries";
import type { SheetRow } from "../officer-sheet";
import { checkGolongan, checkNip } from "./check-officer-input";
import type { CheckedOfficer } from "./create-officer";

type Params = Record<string, string | number>;
export interface RowError {
  field: OfficerSheetKey;
  code: ErrorCode;
  params?: Params;
}

export interface CheckedRow {
  row: number;
  nip: string;
  name: string;
  organizationName: string | null;
  errors: RowError[];
  /** Set when the row has no errors: ready for insertOfficer. */
  officer?: CheckedOfficer & { id: string };
  /** The row (in this file) of the supervisor, who must be written first. */
  supervisorRow?: number;
}

const emailSchema = z.email().max(LIMITS.email);
const jenjangByName = new Map<string, Jenjang>(
  JENJANG.flatMap((j) => [
    [j, j],
    [JENJANG_INFO[j].name.toLowerCase().replace(/\s+/g, "_"), j],
  ]),
);
const JENJANG_NAMES = JENJANG.map((j) => JENJANG_INFO[j].name).join(", ");
const stripNip = (v: string) => v.replace(/\s+/g, "");

/** "iii/a", "III / A", "IIIa" → "III/a". */
export function parseGolongan(raw: string): Golongan | null {
  const m = /^(IV|III|II|I)\s*\/?\s*([a-e])$/i.exec(raw.trim());
  const value = m ? `${m[1].toUpperCase()}/${m[2].toLowerCase()}` : "";
  return (GOLONGAN as readonly string[]).includes(value) ? (value as Golongan) : null;
}

export function parseJenjang(raw: string): Jenjang | null {
  return (
    jenjangByName.get(
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    ) ?? null
  );
}

/** YYYY-MM-DD, DD/MM/YYYY (or with - or .), or an Excel day count, as a real calendar date. */
export function parseSheetDate(raw: string): string | null {
  const v = raw.trim();
  if (/^\d{4,6}$/.test(v)) return new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1940 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Runs one of the registry's throwing checks and keeps its field error instead. */
function collect<T>(errors: RowError[], field: OfficerSheetKey, check: () => T): T | undefined {
  try {
    return check();
  } catch (err) {
    const first = err instanceof AppError && err.fields ? Object.values(err.fields)[0] : undefined;
    if (!first) throw err;
    errors.push({ field, code: first.code, params: first.params });
    return undefined;
  }
}

/**
 * Checks every row of an import against the same rules as registering one officer, plus the
 * file's own consistency (duplicates, supervisors within the file). Reads only; the preview
 * and the commit both call it, the commit inside the transaction that writes.
 */
export async function checkImportRows(tx: Executor, actor: Actor, rows: SheetRow[]): Promise<CheckedRow[]> {
  const cell = (r: SheetRow, k: OfficerSheetKey) => (r.cells[k] ?? "").trim();
  const nips = [...new Set(rows.map((r) => stripNip(cell(r, "nip"))).filter(Boolean))];
  const supervisorNips = [...new Set(rows.map((r) => stripNip(cell(r, "supervisorNip"))).filter(Boolean))];
  const slugs = [...new Set(rows.map((r) => cell(r, "organization").toLowerCase()).filter(Boolean))];
  const accountEmails = [...new Set(rows.map((r) => cell(r, "userEmail").toLowerCase()).filter(Boolean))];

  const [orgRows, takenRows, registered, userRows] = await Promise.all([
    slugs.length
      ? tx
          .select()
          .from(organizations)
          .where(and(inArray(sql`lower(${organizations.slug})`, slugs), inScope(actor)))
      : [],
    nips.length ? tx.select({ nip: officers.nip }).from(officers).where(inArray(officers.nip, nips)) : [],
    findVisibleOfficersByNip(tx, actor, supervisorNips),
    accountEmails.length
      ? tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(inArray(sql`lower(${users.email})`, accountEmails), visibleUser(actor)))
      : [],
  ]);
  const orgBySlug = new Map(orgRows.map((o) => [o.slug.toLowerCase(), o]));
  const taken = new Set(takenRows.map((t) => t.nip));
  const userByEmail = new Map(userRows.map((u) => [u.email.toLowerCase(), u.id]));
  const linkedRows = userRows.length
    ? await tx
        .select({ userId: officers.userId })
        .from(officers)
        .where(
          and(
            isNotNull(officers.userId),
            inArray(
              officers.userId,
              userRows.map((u) => u.id),
            ),
          ),
        )
    : [];
  const linked = new Set(linkedRows.map((l) => l.userId));

  // Where each NIP and account appears in the file, to name duplicates and in-file supervisors.
  const rowsOf = (key: OfficerSheetKey, norm: (v: string) => string) => {
    const map = new Map<string, number[]>();
    for (const r of rows) {
      const v = norm(cell(r, key));
      if (v) map.set(v, [...(map.get(v) ?? []), r.row]);
    }
    return map;
  };
  const nipRows = rowsOf("nip", stripNip);
  const emailRows = rowsOf("userEmail", (v) => v.toLowerCase());
  const ids = new Map(rows.map((r) => [r.row, newId()]));

  const checked = rows.map((r): CheckedRow => {
    const errors: RowError[] = [];
    const nipText = stripNip(cell(r, "nip"));
    const name = cell(r, "name");
    const required = (k: OfficerSheetKey) => {
      if (cell(r, k)) return true;
      errors.push({ field: k, code: "field_required" });
      return false;
    };

    let nip: ReturnType<typeof checkNip> | undefined;
    if (r.nipAsNumber) errors.push({ field: "nip", code: "import_nip_number" });
    else if (required("nip")) {
      nip = collect(errors, "nip", () => checkNip(nipText));
      const others = (nipRows.get(nipText) ?? []).filter((n) => n !== r.row);
      if (nip && taken.has(nip.nip)) errors.push({ field: "nip", code: "nip_taken" });
      else if (others.length) errors.push({ field: "nip", code: "import_duplicate", params: { value: nipText, row: others[0] } });
    }
    if (required("name")) {
      if (name.length < 2) errors.push({ field: "name", code: "field_too_short", params: { min: 2 } });
      if (name.length > LIMITS.name) errors.push({ field: "name", code: "field_too_long", params: { max: LIMITS.name } });
    }

    let org: (typeof orgRows)[number] | undefined;
    if (required("organization")) {
      const code = cell(r, "organization");
      org = orgBySlug.get(code.toLowerCase());
      // Out of sight reads as unknown, like a 404; in sight without the keeper role is 403.
      if (!org) errors.push({ field: "organization", code: "import_org_unknown", params: { code } });
      else if (!registryPolicy.can(actor, "create", org)) errors.push({ field: "organization", code: "forbidden" });
    }

    const jenjang = required("jenjang") ? parseJenjang(cell(r, "jenjang")) : null;
    if (cell(r, "jenjang") && !jenjang) errors.push({ field: "jenjang", code: "field_enum", params: { values: JENJANG_NAMES } });
    const golongan = required("golongan") ? parseGolongan(cell(r, "golongan")) : null;
    if (cell(r, "golongan") && !golongan) errors.push({ field: "golongan", code: "field_enum", params: { values: GOLONGAN.join(", ") } });
    if (jenjang && golongan) collect(errors, "golongan", () => checkGolongan(jenjang, golongan));

    const date = (k: "tmtJabatan" | "tmtPangkat") => {
      if (!required(k)) return null;
      const value = parseSheetDate(cell(r, k));
      if (!value) errors.push({ field: k, code: "import_date" });
      return value;
    };
    const tmtJabatan = date("tmtJabatan");
    const tmtPangkat = date("tmtPangkat");

    let supervisorId: string | null = null;
    let supervisorRow: number | undefined;
    const supNip = stripNip(cell(r, "supervisorNip"));
    if (supNip) {
      const inFile = nipRows.get(supNip) ?? [];
      if (supNip === nipText) errors.push({ field: "supervisorNip", code: "supervisor_self" });
      else if (registered.has(supNip)) supervisorId = registered.get(supNip) ?? null;
      else if (inFile.length === 1) {
        supervisorRow = inFile[0];
        supervisorId = ids.get(inFile[0]) ?? null;
      } else errors.push({ field: "supervisorNip", code: "import_supervisor_unknown", params: { nip: supNip } });
    }

    let userId: string | null = null;
    const account = cell(r, "userEmail").toLowerCase();
    if (account) {
      const found = userByEmail.get(account);
      const others = (emailRows.get(account) ?? []).filter((n) => n !== r.row);
      if (!found) errors.push({ field: "userEmail", code: "import_user_unknown", params: { email: account } });
      else if (linked.has(found)) errors.push({ field: "userEmail", code: "user_linked" });
      else if (others.length) errors.push({ field: "userEmail", code: "import_duplicate", params: { value: account, row: others[0] } });
      else userId = found;
    }

    const optional = (k: "education" | "phone", max: number) => {
      const v = cell(r, k);
      if (v.length > max) errors.push({ field: k, code: "field_too_long", params: { max } });
      return v || null;
    };
    const education = optional("education", 200);
    const phone = optional("phone", LIMITS.phone);
    const email = cell(r, "email") || null;
    if (email && !emailSchema.safeParse(email).success) errors.push({ field: "email", code: "field_email" });
    let akAwal = 0;
    const akText = cell(r, "akAwal").replace(",", ".");
    if (akText) {
      akAwal = Number(akText);
      if (!Number.isFinite(akAwal)) errors.push({ field: "akAwal", code: "field_type", params: { expected: "angka" } });
      else if (akAwal < 0) errors.push({ field: "akAwal", code: "field_too_small", params: { min: 0 } });
      else if (akAwal > 10_000) errors.push({ field: "akAwal", code: "field_too_big", params: { max: 10_000 } });
    }

    const result: CheckedRow = { row: r.row, nip: nipText, name, organizationName: org?.name ?? null, errors, supervisorRow };
    if (errors.length === 0 && nip && org && jenjang && golongan && tmtJabatan && tmtPangkat) {
      const id = ids.get(r.row) as string;
      result.officer = {
        id,
        nip,
        name,
        organizationId: org.id,
        userId,
        jenjang,
        golongan,
        tmtJabatan,
        tmtPangkat,
        supervisorId,
        education,
        email,
        phone,
        akAwal,
      };
    }
    return result;
  });
  settleSupervisors(checked);
  return checked;
}

/**
 * A row whose supervisor (in the file) cannot be written cannot be written either; neither can
 * rows that supervise each other in a loop. Repeats until nothing changes.
 */
function settleSupervisors(rows: CheckedRow[]) {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const fail = (r: CheckedRow, error: RowError) => {
    r.errors.push(error);
    r.officer = undefined;
  };
  for (const r of rows) {
    // Follow the chain; coming back to r means a loop.
    const seen = new Set<number>([r.row]);
    let next = r.supervisorRow;
    while (next !== undefined && r.officer) {
      if (seen.has(next)) {
        if (next === r.row) fail(r, { field: "supervisorNip", code: "import_supervisor_cycle" });
        break;
      }
      seen.add(next);
      next = byRow.get(next)?.supervisorRow;
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of rows) {
      const boss = r.supervisorRow === undefined ? undefined : byRow.get(r.supervisorRow);
      if (r.officer && boss && !boss.officer) {
        fail(r, { field: "supervisorNip", code: "import_supervisor_invalid", params: { row: boss.row } });
        changed = true;
      }
    }
  }
}

/** Valid rows in an order that writes every in-file supervisor before their team. */
export function writeOrder(rows: CheckedRow[], include: Set<number>): CheckedRow[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const depth = (r: CheckedRow) => {
    let d = 0;
    for (let s = r.supervisorRow; s !== undefined && d <= rows.length; s = byRow.get(s)?.supervisorRow) d++;
    return d;
  };
  return rows.filter((r) => r.officer && include.has(r.row)).sort((a, b) => depth(a) - depth(b) || a.row - b.row);
}
