import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { IANA_TIME_ZONE, type TimeZoneCode } from "../../../common/roles";
import type { pressEventListQuery } from "../../../common/schemas/press-events";
import type { Executor } from "../../db/client";
import { journalists, organizations, pressEventInvitations, pressEvents } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "../media-relations/outlet-queries";

const columns = {
  event: pressEvents,
  organizationName: organizations.name,
  timeZone: organizations.timeZone,
  path: organizations.path,
};
export type EventRow = { event: typeof pressEvents.$inferSelect; organizationName: string; timeZone: string; path: string };

/** The IANA zone of an organization's WIB/WITA/WIT code (Intl and PostgreSQL know only those). */
export const ianaZone = (code: string) => IANA_TIME_ZONE[code as TimeZoneCode] ?? IANA_TIME_ZONE.WIB;
const zoneSql = sql`(case ${organizations.timeZone} when 'WITA' then 'Asia/Makassar' when 'WIT' then 'Asia/Jayapura' else 'Asia/Jakarta' end)`;

const base = (db: Executor) =>
  db.select(columns).from(pressEvents).innerJoin(organizations, eq(organizations.id, pressEvents.organizationId));

/** The event when the actor may see its organization; otherwise 404 (never 403 for other tenants). */
export async function findVisibleEvent(db: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<EventRow> {
  const query = base(db)
    .where(and(eq(pressEvents.id, id), inScope(actor)))
    .limit(1);
  const [row] = opts.lock ? await query.for("update", { of: pressEvents }) : await query;
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export type Counts = {
  invited: number;
  hadir: number;
  tidakHadir: number;
  mungkin: number;
  noAnswer: number;
  crew: number;
  checkedIn: number;
  walkIns: number;
};
const EMPTY: Counts = { invited: 0, hadir: 0, tidakHadir: 0, mungkin: 0, noAnswer: 0, crew: 0, checkedIn: 0, walkIns: 0 };

/** RSVP and attendance counts per event, in one grouped query. */
export async function countsFor(db: Executor, eventIds: string[]): Promise<Map<string, Counts>> {
  const map = new Map<string, Counts>();
  if (!eventIds.length) return map;
  const i = pressEventInvitations;
  const rows = await db
    .select({
      eventId: i.eventId,
      invited: sql<number>`count(*) filter (where not ${i.walkIn})::int`,
      hadir: sql<number>`count(*) filter (where ${i.rsvp} = 'hadir')::int`,
      tidakHadir: sql<number>`count(*) filter (where ${i.rsvp} = 'tidak_hadir')::int`,
      mungkin: sql<number>`count(*) filter (where ${i.rsvp} = 'mungkin')::int`,
      noAnswer: sql<number>`count(*) filter (where ${i.rsvp} is null and not ${i.walkIn})::int`,
      crew: sql<number>`coalesce(sum(${i.rsvpCrew}) filter (where ${i.rsvp} = 'hadir'), 0)::int`,
      checkedIn: sql<number>`count(${i.checkedInAt})::int`,
      walkIns: sql<number>`count(*) filter (where ${i.walkIn})::int`,
    })
    .from(i)
    .where(inArray(i.eventId, eventIds))
    .groupBy(i.eventId);
  for (const r of rows) map.set(r.eventId, { ...r });
  return map;
}
export const countsOf = (map: Map<string, Counts>, id: string) => map.get(id) ?? EMPTY;

export async function listEvents(db: Executor, actor: Actor, q: z.infer<typeof pressEventListQuery>) {
  const where: (SQL | undefined)[] = [inScope(actor)];
  if (q.organizationId) where.push(eq(pressEvents.organizationId, q.organizationId));
  if (q.kind) where.push(eq(pressEvents.kind, q.kind));
  if (q.status) where.push(eq(pressEvents.status, q.status));
  const localDay = sql`(${pressEvents.startsAt} at time zone ${zoneSql})::date`;
  if (q.from) where.push(sql`${localDay} >= ${q.from}::date`);
  if (q.to) where.push(sql`${localDay} <= ${q.to}::date`);
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(sql`(lower(${pressEvents.title}) like ${pattern} or lower(${pressEvents.placeAddress}) like ${pattern})`);
  }
  const condition = and(...where);
  const rows = await base(db)
    .where(condition)
    .orderBy(q.sort === "starts" ? asc(pressEvents.startsAt) : desc(pressEvents.startsAt), asc(pressEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(pressEvents)
    .innerJoin(organizations, eq(organizations.id, pressEvents.organizationId))
    .where(condition);
  return {
    rows,
    total,
    counts: await countsFor(
      db,
      rows.map((r) => r.event.id),
    ),
  };
}

/**
 * Every guest of an event (or only the one with `invitationId`) with the journalist's current
 * email (null once erased).
 */
export async function invitationsOf(db: Executor, eventId: string, invitationId?: string) {
  return db
    .select({ invitation: pressEventInvitations, email: journalists.email })
    .from(pressEventInvitations)
    .leftJoin(journalists, eq(journalists.id, pressEventInvitations.journalistId))
    .where(and(eq(pressEventInvitations.eventId, eventId), invitationId ? eq(pressEventInvitations.id, invitationId) : undefined))
    .orderBy(asc(sql`lower(${pressEventInvitations.guestName})`), asc(pressEventInvitations.id));
}
export type InvitationRow = Awaited<ReturnType<typeof invitationsOf>>[number];
