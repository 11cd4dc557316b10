import type { Executor } from "../../../db/client";
import { mediaIssueEvents } from "../../../db/schema";
import { newId } from "../../../lib/ids";

/** One entry of an issue's timeline: every change, note, link and escalation. */
export async function addTimeline(
  tx: Executor,
  issueId: string,
  kind: string,
  actorId: string | null,
  data: Record<string, unknown> = {},
  note: string | null = null,
  at = new Date(),
) {
  await tx.insert(mediaIssueEvents).values({ id: newId(), issueId, kind, actorId, data, note, at });
}
