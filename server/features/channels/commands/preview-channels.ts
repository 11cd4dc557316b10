import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { errorMessage } from "../../../../common/i18n/errors";
import type { ChannelPlatform, ChannelPreview, channelPreviewBody } from "../../../../common/schemas/channels";
import type { Executor } from "../../../db/client";
import { mediaAssets, organizations } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { channelAccountPolicy } from "../channel.policy";
import { accountsByIds, inScope, visibleOrganization } from "../channel-queries";
import { connectorFor } from "../connectors/registry";
import { loadMedia } from "../post-builder";

/**
 * What each chosen channel would receive and what stops it, for the scheduling dialog. Uses the
 * same connector rules as planPublications, so what the preview accepts, scheduling accepts.
 */
export async function previewChannels(
  db: Executor,
  ctx: CommandContext,
  body: z.infer<typeof channelPreviewBody>,
): Promise<ChannelPreview> {
  const actor = actorRequired(ctx);
  const org = await visibleOrganization(db, actor, body.organizationId);
  if (!org) throw fieldError("organizationId", "not_found", {}, 404);
  const ids = [...new Set(body.channelAccountIds)];
  const accounts = await accountsByIds(db, ids);
  for (const id of ids) {
    const a = accounts.get(id);
    if (!a?.active || !org.path.startsWith(a.path) || !channelAccountPolicy.can(actor, "read", { path: a.path }))
      throw fieldError("channelAccountIds", "not_found", {}, 404);
  }
  if (body.mediaAssetIds.length) {
    const visible = await db
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .innerJoin(organizations, eq(organizations.id, mediaAssets.organizationId))
      .where(and(inArray(mediaAssets.id, body.mediaAssetIds), inScope(actor)));
    if (visible.length !== new Set(body.mediaAssetIds).size) throw fieldError("mediaAssetIds", "not_found", {}, 404);
  }
  const media = await loadMedia(db, ctx.services, body.mediaAssetIds);
  return {
    items: ids.map((id) => {
      const account = accounts.get(id) as NonNullable<ReturnType<typeof accounts.get>>;
      const connector = connectorFor(ctx.services.env, account.platform);
      const post = { text: body.texts?.[id] ?? body.text, title: body.title, link: body.link, media };
      const issues = connector.validate(post);
      return {
        channelAccountId: id,
        platform: account.platform as ChannelPlatform,
        name: account.name,
        ok: issues.length === 0,
        issues: issues.map((i) => ({ code: i.code, message: errorMessage(ctx.locale, i.code, i.params) })),
        preview: connector.preview(post),
      };
    }),
  };
}
