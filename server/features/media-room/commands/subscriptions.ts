import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistSubscriptions } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import { newId } from "../../../lib/ids";
import { NEWSROOM_TYPES, type NewsroomType } from "../../../public-site/newsroom-queries";
import type { RoomSession } from "../journalist-sessions";
import { subtreeOrganizations } from "../room-queries";

export type SubscriptionKind = "organization" | "type";

/** Agencies inside the journalist's subtree, or a content type the newsroom shows; twice is once. */
export async function subscribe(tx: Executor, session: RoomSession, kind: SubscriptionKind, value: string) {
  if (kind === "type" && !NEWSROOM_TYPES.includes(value as NewsroomType)) throw new AppError(400, "validation_failed");
  if (kind === "organization") {
    const orgs = await subtreeOrganizations(tx, session.path);
    if (!orgs.some((o) => o.id === value)) throw new AppError(404, "not_found");
  }
  await tx.insert(journalistSubscriptions).values({ id: newId(), accountId: session.accountId, kind, value }).onConflictDoNothing();
}

export async function unsubscribe(tx: Executor, session: RoomSession, id: string) {
  await tx
    .delete(journalistSubscriptions)
    .where(and(eq(journalistSubscriptions.id, id), eq(journalistSubscriptions.accountId, session.accountId)));
}

export async function listSubscriptions(db: Executor, accountId: string) {
  return db
    .select({ id: journalistSubscriptions.id, kind: journalistSubscriptions.kind, value: journalistSubscriptions.value })
    .from(journalistSubscriptions)
    .where(eq(journalistSubscriptions.accountId, accountId))
    .orderBy(journalistSubscriptions.createdAt);
}
