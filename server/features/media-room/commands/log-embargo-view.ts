import type { FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client";
import { embargoViews } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import type { RoomSession } from "../journalist-sessions";
import type { RoomItem } from "../room-queries";

/**
 * One row per delivery of embargoed material (the page or its press kit), written before the
 * material is sent: if the log cannot be written, nothing is shown.
 */
export async function logEmbargoView(
  db: Executor,
  request: FastifyRequest,
  session: RoomSession,
  item: RoomItem & { organizationId: string },
  what: "page" | "press_kit",
) {
  if (!item.embargoed || item.embargoUntil === null) return;
  await db.insert(embargoViews).values({
    id: newId(),
    organizationId: item.organizationId,
    contentId: item.id,
    accountId: session.accountId,
    what,
    ip: request.ip ?? null,
    userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
    embargoUntil: new Date(item.embargoUntil),
  });
}
