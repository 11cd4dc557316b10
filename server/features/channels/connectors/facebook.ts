import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { graph, sameText, unixSeconds } from "./graph";
import { charCount, imagesOf, unreadable } from "./http";
import { failedCheck } from "./platform-error";
import { emptyPost, mediaSize, onlyKinds, textLength, tooMany } from "./validate";

const label = "Facebook";
const LIMITS = { text: 63_206, maxMedia: 10 };

/** Facebook Pages through the Graph API: /{page-id}/feed and /{page-id}/photos. */
export function facebookConnector(deps: ConnectorDeps): Connector {
  const token = (a: ConnectorAccount) => a.secret.pageAccessToken;
  const postUrl = (id: string) => `https://www.facebook.com/${id}`;

  return {
    platform: "facebook",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const issues: Issue[] = [...onlyKinds(label, post.media, ["image"])];
      issues.push(...tooMany(label, imagesOf(post.media).length, LIMITS.maxMedia), ...mediaSize(label, post.media, 4, "image"));
      if (!post.text.trim() && post.media.length === 0 && !post.link) issues.push(emptyPost(label));
      issues.push(...textLength(label, charCount(post.text), LIMITS.text));
      return issues;
    },

    preview: (post) => ({ text: post.text, mediaCount: post.media.length }),

    async publish(account, post) {
      const page = account.config.pageId;
      const images = imagesOf(post.media);
      let id: string | undefined;
      if (images.length === 1) {
        const file = await images[0].load();
        const res = await graph(deps, label, token(account), `${page}/photos`, {
          method: "POST",
          params: { message: post.text },
          files: [{ field: "source", ...file }],
          critical: true,
        });
        id = res.post_id ?? res.id;
      } else {
        // Several photos: upload each unpublished (invisible, harmless to repeat), then one post.
        const attached: { media_fbid: string }[] = [];
        for (const image of images) {
          const file = await image.load();
          const res = await graph(deps, label, token(account), `${page}/photos`, {
            method: "POST",
            params: { published: "false" },
            files: [{ field: "source", ...file }],
          });
          attached.push({ media_fbid: String(res.id) });
        }
        const params: Record<string, string | object> = { message: post.text };
        if (attached.length) params.attached_media = attached;
        else if (post.link) params.link = post.link;
        const res = await graph(deps, label, token(account), `${page}/feed`, { method: "POST", params, critical: true });
        id = res.id;
      }
      if (!id) throw unreadable(label, true);
      return { externalId: String(id), url: postUrl(String(id)) };
    },

    async check(account) {
      try {
        const me = await graph(deps, label, token(account), "me", { params: { fields: "id,name" } });
        if (String(me.id) !== account.config.pageId)
          return { ok: false, auth: true, error: `Token ini bukan milik Halaman ${account.config.pageId}; hubungkan ulang akun.` };
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },

    async engagement(account, externalId) {
      const res = await graph(deps, label, token(account), externalId, {
        params: { fields: "shares,reactions.summary(true),comments.summary(true)" },
      });
      return {
        shares: Number(res.shares?.count ?? 0),
        reactions: Number(res.reactions?.summary?.total_count ?? 0),
        comments: Number(res.comments?.summary?.total_count ?? 0),
      };
    },

    // The Page's feed since the interrupted attempt began, matched on the exact message.
    async findExisting(account, post, _key, since) {
      const res = await graph(deps, label, token(account), `${account.config.pageId}/feed`, {
        params: { fields: "id,message,created_time,permalink_url", since: unixSeconds(since) - 60, limit: 50 },
      });
      const match = (res.data as any[] | undefined)?.find((p) => sameText(p.message, post.text));
      return match ? { externalId: String(match.id), url: match.permalink_url ?? postUrl(String(match.id)) } : null;
    },
  };
}
