import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import type { DomainEvents } from "../../../lib/domain-events";
import { NEWSROOM_TYPES, type NewsroomType } from "../../../public-site/newsroom-queries";
import { TYPE_LABELS } from "../../../public-site/render/labels";
import { queueEmail } from "../../email/queue-email";
import { notificationEmail } from "../../email/templates";

type Rows<T> = { rows: T[] };

/**
 * `content.released`: each approved journalist whose subtree holds the item and who follows its
 * agency (or a parent of it) or its type gets one email. The emails are written in the releasing
 * transaction, so they exist exactly when the release does; the email sweep sends them.
 */
export async function notifyJournalistSubscribers(tx: Executor, event: DomainEvents["content.released"]) {
  if (!NEWSROOM_TYPES.includes(event.type as NewsroomType)) return;
  const result = (await tx.execute(sql`
    select a.id, a.name, a.email, o.name as "orgName"
    from journalist_accounts a
    join organizations ao on ao.id = a.organization_id
    join organizations o on o.id = ${event.organizationId}
    where a.status = 'approved' and ao.active and o.path like ao.path || '%'
      and exists (
        select 1 from journalist_subscriptions s
        left join organizations so on s.kind = 'organization' and so.id::text = s.value
        where s.account_id = a.id
          and ((s.kind = 'type' and s.value = ${event.type}) or (s.kind = 'organization' and o.path like so.path || '%')))
  `)) as unknown as Rows<{ id: string; name: string; email: string; orgName: string }>;
  const origin = new URL(event.publicUrl).origin;
  for (const person of result.rows) {
    const label = TYPE_LABELS[event.type as NewsroomType];
    const mail = notificationEmail("id", {
      to: person.email,
      name: person.name,
      title: `${label} baru dari ${person.orgName}: ${event.title}`,
      body: `Telah terbit di ruang berita: ${event.publicUrl}`,
      url: `${origin}/media-room/rilis/${event.contentId}`,
    });
    await queueEmail(tx, { ...mail, subject: `[Ruang Media] ${event.title}`, organizationId: event.organizationId });
  }
}
