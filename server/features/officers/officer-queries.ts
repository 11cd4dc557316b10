import { aliasedTable, and, asc, count, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { JENJANG } from "../../../common/pranata-humas";
import type { officerListQuery } from "../../../common/schemas/officers";
import type { Executor } from "../../db/client";
import { officerCareerEvents, officerRatings, officers, organizations, users } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";
import { visibleUser } from "../users/user-queries";
import { OFFICER_READERS } from "./officer.policy";

const supervisor = aliasedTable(officers, "supervisor");

/** Officers the actor may read: by role in the subtree, as the officer, or as the supervisor. */
export function visibleOfficer(actor: Actor): SQL {
  const roots = scopeRoots(actor, OFFICER_READERS);
  const parts: SQL[] = roots.map((r) => like(organizations.path, `${r}%`));
  if (actor.userId) parts.push(eq(officers.userId, actor.userId), eq(supervisor.userId, actor.userId));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

const summaryColumns = {
  id: officers.id,
  nip: officers.nip,
  name: officers.name,
  organizationId: officers.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  kategori: officers.kategori,
  jenjang: officers.jenjang,
  golongan: officers.golongan,
  active: officers.active,
  userId: officers.userId,
  supervisorId: officers.supervisorId,
  supervisorName: supervisor.name,
  supervisorUserId: supervisor.userId,
};

function baseQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(officers)
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId));
}

export interface OfficerSummaryRow {
  id: string;
  nip: string;
  name: string;
  organizationId: string;
  organizationName: string;
  path: string;
  kategori: string;
  jenjang: string;
  golongan: string;
  active: boolean;
  userId: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  supervisorUserId: string | null;
}

const ESCAPE = /[\\%_]/g;

type ListFilters = Pick<z.infer<typeof officerListQuery>, "q" | "jenjang" | "mine" | "active">;

/** The list's filters, shared by the page and the spreadsheet export. */
function listWhere(actor: Actor, q: ListFilters, orgPath?: string) {
  const where: (SQL | undefined)[] = [visibleOfficer(actor)];
  if (orgPath) where.push(like(organizations.path, `${orgPath}%`));
  if (q.jenjang) where.push(eq(officers.jenjang, q.jenjang));
  if (q.mine) where.push(actor.userId ? eq(officers.userId, actor.userId) : sql`false`);
  if (q.active !== "all") where.push(eq(officers.active, q.active === "true"));
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(ESCAPE, (c) => `\\${c}`)}%`;
    where.push(sql`lower(${officers.name} || ' ' || ${officers.nip}) like ${pattern}`);
  }
  return and(...where);
}

function listOrder(sort: z.infer<typeof officerListQuery>["sort"]) {
  // Jenjang sorts by level (Terampil … Ahli Utama), not by its code's spelling.
  const level = sql`array_position(array[${sql.join(
    JENJANG.map((j) => sql`${j}`),
    sql`, `,
  )}]::text[], ${officers.jenjang})`;
  return {
    name: asc(officers.name),
    "-name": desc(officers.name),
    nip: asc(officers.nip),
    "-nip": desc(officers.nip),
    jenjang: asc(level),
    "-jenjang": desc(level),
  }[sort];
}

export async function listOfficers(db: Executor, actor: Actor, q: z.infer<typeof officerListQuery>, orgPath?: string) {
  const condition = listWhere(actor, q, orgPath);
  const rows: OfficerSummaryRow[] = await baseQuery(db)
    .where(condition)
    .orderBy(listOrder(q.sort), asc(officers.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(officers)
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId))
    .where(condition);
  return { rows, total };
}

/** One officer the actor may read; anything else is 404. */
export async function findVisibleOfficer(db: Executor, actor: Actor, id: string): Promise<OfficerSummaryRow> {
  const [row]: OfficerSummaryRow[] = await baseQuery(db)
    .where(and(eq(officers.id, id), visibleOfficer(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function officerDetail(db: Executor, id: string) {
  const [row] = await db
    .select({ officer: officers, userName: users.name })
    .from(officers)
    .leftJoin(users, eq(users.id, officers.userId))
    .where(eq(officers.id, id));
  const career = await db
    .select()
    .from(officerCareerEvents)
    .where(eq(officerCareerEvents.officerId, id))
    .orderBy(desc(officerCareerEvents.effectiveDate), desc(officerCareerEvents.createdAt));
  const orgIds = [
    ...new Set(
      career
        .filter((c) => c.kind === "organization")
        .flatMap((c) => [c.fromValue, c.toValue])
        .filter((v): v is string => Boolean(v)),
    ),
  ];
  const orgNames = new Map(
    orgIds.length
      ? (
          await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  const ratings = await db.select().from(officerRatings).where(eq(officerRatings.officerId, id)).orderBy(desc(officerRatings.startMonth));
  return { ...row, career, ratings, orgNames };
}

export interface OfficerExportRow {
  nip: string;
  name: string;
  organizationSlug: string;
  jenjang: string;
  golongan: string;
  tmtJabatan: string;
  tmtPangkat: string;
  supervisorNip: string | null;
  userEmail: string | null;
  education: string | null;
  email: string | null;
  phone: string | null;
  akAwal: number;
}

/**
 * Every column of the spreadsheet for the officers the list's filters select. The account's
 * email is given only when the actor may see that user.
 */
export async function listOfficersForExport(
  db: Executor,
  actor: Actor,
  q: ListFilters & { sort: z.infer<typeof officerListQuery>["sort"] },
  orgPath: string | undefined,
  limit: number,
): Promise<OfficerExportRow[]> {
  return db
    .select({
      nip: officers.nip,
      name: officers.name,
      organizationSlug: organizations.slug,
      jenjang: officers.jenjang,
      golongan: officers.golongan,
      tmtJabatan: officers.tmtJabatan,
      tmtPangkat: officers.tmtPangkat,
      supervisorNip: supervisor.nip,
      userEmail: sql<string | null>`case when ${visibleUser(actor)} then ${users.email} end`,
      education: officers.education,
      email: officers.email,
      phone: officers.phone,
      akAwal: officers.akAwal,
    })
    .from(officers)
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId))
    .leftJoin(users, eq(users.id, officers.userId))
    .where(listWhere(actor, q, orgPath))
    .orderBy(listOrder(q.sort), asc(officers.id))
    .limit(limit);
}

/** Officers the actor may read, by NIP (the import's "NIP Atasan"). */
export async function findVisibleOfficersByNip(db: Executor, actor: Actor, nips: string[]) {
  if (nips.length === 0) return new Map<string, string>();
  const rows: OfficerSummaryRow[] = await baseQuery(db).where(and(inArray(officers.nip, nips), visibleOfficer(actor)));
  return new Map(rows.map((r) => [r.nip, r.id]));
}
