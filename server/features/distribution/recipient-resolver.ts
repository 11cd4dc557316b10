import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { RELEASE_CONSENT_PATTERN } from "../../../common/distribution-enums";
import type { Executor } from "../../db/client";
import { type ContactListFilters, contactListMembers, journalists, organizations } from "../../db/schema";
import type { Actor } from "../../policies/core";
import { journalistFilter } from "../media-relations/journalist-queries";

/** What a list selects, independent of whether it is saved yet. */
export interface ListSelector {
  /** The materialized path of the list's organization: a list reaches its own subtree only. */
  path: string;
  kind: string;
  filters: ContactListFilters;
  /** Static lists: the chosen journalists (a saved list reads them from contact_list_members). */
  journalistIds?: string[];
  listId?: string;
}

export interface Recipient {
  journalistId: string;
  name: string;
  email: string;
}

/** The journalist search seen from the list's organization, so a list never reaches outside it. */
const scopeActor = (path: string): Actor => ({
  kind: "token",
  userId: null,
  name: "list",
  grants: [{ organizationId: "", path, role: "viewer" }],
});

/** Outlet type, Dewan Pers status, outlet and role: one membership must satisfy them all. */
function membershipFilter(f: ContactListFilters): SQL | undefined {
  const m: SQL[] = [sql`m.journalist_id = ${journalists.id}`];
  if (f.outletId) m.push(sql`m.outlet_id = ${f.outletId}`);
  if (f.role) m.push(sql`m.role = ${f.role}`);
  if (f.outletType) m.push(sql`o.type = ${f.outletType}`);
  if (f.dewanPersStatus) m.push(sql`o.dewan_pers_status = ${f.dewanPersStatus}`);
  if (m.length === 1) return undefined;
  return sql`exists (select 1 from journalist_memberships m join media_outlets o on o.id = m.outlet_id where ${sql.join(m, sql` and `)})`;
}

/** The journalists a list selects (any contact state), as a WHERE condition over journalists ⋈ organizations. */
export function selectorCondition(s: ListSelector): SQL | undefined {
  const scope = journalistFilter(scopeActor(s.path), {});
  const notErased = isNull(journalists.erasedAt);
  if (s.kind === "static") {
    const chosen = s.journalistIds
      ? s.journalistIds.length
        ? inArray(journalists.id, s.journalistIds)
        : sql`false`
      : sql`exists (select 1 from ${contactListMembers} cm where cm.list_id = ${s.listId ?? null} and cm.journalist_id = ${journalists.id})`;
    return and(scope, notErased, chosen);
  }
  const f = s.filters;
  return and(
    journalistFilter(scopeActor(s.path), { beat: f.beat, regionCode: f.regionCode, ukwLevel: f.ukwLevel as never }),
    notErased,
    membershipFilter(f),
  );
}

/** May receive releases: an address and a consent whose purpose covers release distribution. */
export const eligibleCondition = and(
  isNotNull(journalists.email),
  sql`${journalists.email} <> ''`,
  sql`coalesce(${journalists.consent}->>'purpose', '') ~* ${RELEASE_CONSENT_PATTERN}`,
);

/**
 * The recipients of several lists: eligible journalists, one per address (lower-cased), the
 * first by name when two share one. Sorted by address so sends are reproducible.
 */
export async function resolveRecipients(db: Executor, selectors: ListSelector[], limit = 100_000): Promise<Recipient[]> {
  if (selectors.length === 0) return [];
  const any = sql.join(
    selectors.map((s) => sql`(${selectorCondition(s) ?? sql`true`})`),
    sql` or `,
  );
  const result = await db.execute(sql`
    select distinct on (lower(${journalists.email})) ${journalists.id} as journalist_id, ${journalists.name} as name, lower(${journalists.email}) as email
    from ${journalists} join ${organizations} on ${organizations.id} = ${journalists.organizationId}
    where (${any}) and ${eligibleCondition}
    order by lower(${journalists.email}), lower(${journalists.name}), ${journalists.id}
    limit ${limit}`);
  const rows = (result as unknown as { rows: { journalist_id: string; name: string; email: string }[] }).rows;
  return rows.map((r) => ({ journalistId: r.journalist_id, name: r.name, email: r.email }));
}

/**
 * How many distinct addresses `resolveRecipients` would give for one list, counted in the
 * database so a list page does not load every recipient row to show a number.
 */
export async function countEligible(db: Executor, s: ListSelector): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct lower(${journalists.email}))`.mapWith(Number) })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(and(selectorCondition(s), eligibleCondition));
  return row?.n ?? 0;
}

/** How many journalists a selector matches at all (before the contact and consent checks). */
export async function countMatched(db: Executor, s: ListSelector): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(selectorCondition(s));
  return row?.n ?? 0;
}
