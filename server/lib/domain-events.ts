import type { Executor } from "../db/client";

/**
 * Events one feature announces and others react to, inside the announcing transaction, so a
 * reaction lands with the change or not at all. Features subscribe in server/features/subscriptions.ts.
 */
export interface DomainEvents {
  /** A content item became public (its embargo, if any, has lifted). */
  "content.released": {
    contentId: string;
    organizationId: string;
    authorId: string | null;
    type: string;
    title: string;
    publicUrl: string;
    publicFrom: Date;
  };
  /** A press event was marked held; attendees are the checked-in journalists (walk-ins included). */
  "pressEvent.held": {
    eventId: string;
    organizationId: string;
    kind: string;
    title: string;
    placeAddress: string;
    startsAt: Date;
    timeZone: string;
    organizerOfficerIds: string[];
    attendeeJournalistIds: string[];
    staffUrl: string;
    actorUserId: string | null;
  };
  /** A journalist checked in after the event was already marked held (late entry at the door). */
  "pressEvent.attended": {
    eventId: string;
    title: string;
    startsAt: Date;
    timeZone: string;
    journalistId: string;
    actorUserId: string | null;
  };
  /** Articles of one ingest call matched watchlists (once per call; organizationId owns the source). */
  "monitoring.mentions": {
    organizationId: string;
    mentions: {
      articleId: string;
      mentionedOrganizationId: string;
      watchlistId: string;
      tone: "positive" | "neutral" | "negative";
      negativeProbability: number;
      hoaxClarificationId: string | null;
      title: string;
      url: string;
      outletName: string | null;
      publishedAt: Date;
    }[];
  };
  /** A journalist's personal data was erased on request (UU PDP): copies elsewhere must go too. */
  "journalist.erased": { journalistId: string; organizationId: string; erasedName: string };
  /** Monitored articles found to carry press releases (release pickups), once per sweep batch. */
  "monitoring.pickups": {
    pickups: {
      contentId: string;
      articleId: string;
      url: string;
      title: string;
      outletId: string | null;
      outletName: string | null;
      publishedAt: Date;
      containment: number;
    }[];
  };
}

type Handler<K extends keyof DomainEvents> = (tx: Executor, event: DomainEvents[K]) => Promise<void>;
const handlers = new Map<keyof DomainEvents, Handler<keyof DomainEvents>[]>();

export function subscribe<K extends keyof DomainEvents>(name: K, handler: Handler<K>) {
  const list = handlers.get(name) ?? [];
  if (!list.includes(handler as Handler<keyof DomainEvents>)) list.push(handler as Handler<keyof DomainEvents>);
  handlers.set(name, list);
}

export async function emit<K extends keyof DomainEvents>(tx: Executor, name: K, event: DomainEvents[K]) {
  for (const handler of handlers.get(name) ?? []) await handler(tx, event);
}
