import { type SQL, sql } from "drizzle-orm";
import type { ContentFields } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import type { NewsroomType, PublicItem } from "../../public-site/newsroom-queries";

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Executor, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;
const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * What a journalist may see: published items of the approving organization's subtree, the
 * embargoed ones included (published, public moment still ahead). Drafts, items in review,
 * approved or scheduled ones never. The subtree is the approving organization's `path` prefix.
 */
const visibleTo = (path: string) =>
  sql`c.status = 'published' and c.public_from is not null and c.type <> 'sosial' and o.active and o.path like ${`${path}%`}`;

export interface RoomItem extends PublicItem {
  embargoed: boolean;
  embargoUntil: number | null;
  orgPath: string;
}

const columns = sql`c.id, c.type, c.title, c.slug, c.summary, ${ms(sql`c.public_from`)} as "publicFrom",
  ${ms(sql`greatest(c.updated_at, c.public_from)`)} as "updatedAt", c.cover_asset_id as "coverAssetId",
  c.fields ->> 'hoaxLabel' as "hoaxLabel", o.slug as "orgSlug", o.name as "orgName", o.short_name as "orgShortName",
  o.time_zone as "timeZone", o.path as "orgPath", (c.public_from > now()) as embargoed,
  case when c.public_from > now() then ${ms(sql`c.public_from`)} end as "embargoUntil"`;

export interface RoomListFilter {
  path: string;
  type?: NewsroomType;
  embargoOnly?: boolean;
  offset: number;
  limit: number;
}

/** Embargoed items first (soonest lifting first), then public ones newest first. */
export async function listRoomItems(db: Executor, f: RoomListFilter): Promise<RoomItem[]> {
  return rows<RoomItem>(
    db,
    sql`select ${columns} from content_items c join organizations o on o.id = c.organization_id
        where ${visibleTo(f.path)} ${f.type ? sql`and c.type = ${f.type}` : sql``} ${f.embargoOnly ? sql`and c.public_from > now()` : sql``}
        order by (c.public_from > now()) desc,
          case when c.public_from > now() then c.public_from end asc,
          c.public_from desc, c.id desc
        limit ${f.limit} offset ${f.offset}`,
  );
}

/** One item by id within the journalist's subtree, or null (another subtree's item answers 404). */
export async function findRoomItem(db: Executor, path: string, id: string): Promise<RoomItem | null> {
  const [row] = await rows<RoomItem>(
    db,
    sql`select ${columns}, c.organization_id as "organizationId", c.cover_asset_id as "coverId", c.body_html as "bodyHtml",
          c.fields, c.views::float8 as views
        from content_items c join organizations o on o.id = c.organization_id
        where c.id = ${id} and ${visibleTo(path)} limit 1`,
  );
  if (!row) return null;
  return { ...row, fields: (row.fields ?? {}) as ContentFields };
}

export interface RoomEvent {
  id: string;
  kind: string;
  title: string;
  startsAt: number;
  endsAt: number;
  placeAddress: string;
  description: string;
  orgName: string;
  timeZone: string;
  /** The journalist's answer, when they are on the invitation list. */
  rsvp: string | null;
}

/** Upcoming press events of the subtree that have gone out to the press (invited, not cancelled). */
export async function listRoomEvents(db: Executor, path: string, journalistId: string | null): Promise<RoomEvent[]> {
  return rows<RoomEvent>(
    db,
    sql`select e.id, e.kind, e.title, ${ms(sql`e.starts_at`)} as "startsAt", ${ms(sql`e.ends_at`)} as "endsAt",
          e.place_address as "placeAddress", e.description, o.name as "orgName", o.time_zone as "timeZone",
          (select i.rsvp from press_event_invitations i where i.event_id = e.id and i.journalist_id = ${journalistId}::uuid limit 1) as rsvp
        from press_events e join organizations o on o.id = e.organization_id
        where e.status = 'invited' and e.ends_at >= now() and o.active and o.path like ${`${path}%`}
        order by e.starts_at limit 50`,
  );
}

export async function findRoomEvent(db: Executor, path: string, id: string): Promise<{ id: string } | null> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`select e.id from press_events e join organizations o on o.id = e.organization_id
        where e.id = ${id} and e.status = 'invited' and e.ends_at >= now() and o.active and o.path like ${`${path}%`}`,
  );
  return row ?? null;
}

/** Agencies a journalist may subscribe to: the approving organization and its active subtree. */
export async function subtreeOrganizations(db: Executor, path: string) {
  return rows<{ id: string; name: string; depth: number }>(
    db,
    sql`select id, name, depth from organizations where active and path like ${`${path}%`} order by path limit 500`,
  );
}
