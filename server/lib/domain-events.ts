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
