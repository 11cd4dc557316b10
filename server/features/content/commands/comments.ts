import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { commentBody } from "../../../../common/schemas/content";
import type { Executor } from "../../../db/client";
import { contentComments } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { notify } from "../../notifications/notify";
import { stepApprovers } from "../approval-chain";
import { contentPolicy } from "../content.policy";
import { findVisibleContent, namesOf } from "../content-queries";

/**
 * Adds a comment. Mentioned people are notified only when they can read the item (a mention
 * must not leak a draft to someone outside its organization).
 */
export async function addComment(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof commentBody>) {
  const actor = actorRequired(ctx);
  const item = await findVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "comment", item);
  const readers = input.mentions.length
    ? await stepApprovers(tx, item.path, { mode: "any", roles: [], userIds: input.mentions }, null)
    : [];
  const commentId = newId();
  await tx
    .insert(contentComments)
    .values({ id: commentId, contentId: id, authorId: actor.userId ?? "", body: input.body, mentions: readers });
  const emailIds = await notify(tx, ctx.services.publicUrl, {
    userIds: readers,
    organizationId: item.organizationId,
    kind: "content_mention",
    link: `/app/content/${id}`,
    email: true,
    except: actor.userId,
    message: (locale) => ({
      title: locale === "en" ? `${actor.name} mentioned you on "${item.title}"` : `${actor.name} menyebut Anda di "${item.title}"`,
      body: input.body.slice(0, 300),
    }),
  });
  return { commentId, emailIds };
}

/** The discussion on an item, oldest first, with names resolved. */
export async function commentsOf(db: Executor, contentId: string) {
  const rows = await db
    .select()
    .from(contentComments)
    .where(eq(contentComments.contentId, contentId))
    .orderBy(asc(contentComments.createdAt), asc(contentComments.id));
  const names = await namesOf(
    db,
    rows.flatMap((r) => [r.authorId, ...r.mentions]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });
  return {
    items: rows.map((r) => ({
      id: r.id,
      body: r.body,
      author: person(r.authorId),
      mentions: r.mentions.map(person),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
