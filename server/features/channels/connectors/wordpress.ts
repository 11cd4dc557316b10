import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { call, charCount, failure, imagesOf, jsonOf, unreadable } from "./http";
import { failedCheck } from "./platform-error";
import { onlyKinds, textLength, titleIssues, titleOf, tooMany } from "./validate";

const label = "WordPress";
const LIMITS = { text: 200_000, title: 300, maxMedia: 20 };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

/**
 * The post's slug carries the publication key: WordPress keeps it unique, so after an
 * interrupted attempt the post can be found again by slug (findExisting).
 */
export function wordpressSlug(title: string, key: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "kiriman"}-${key.replace(/-/g, "").slice(-8)}`;
}

/** The article body: the item's full text when there is one, else the channel text. */
const contentText = (post: Post) => post.item?.bodyText?.trim() || post.text;

/** WordPress REST API (/wp-json/wp/v2) with an application password (basic auth). */
export function wordpressConnector(deps: ConnectorDeps): Connector {
  const base = (a: ConnectorAccount) => `${a.config.siteUrl.replace(/\/$/, "")}/wp-json/wp/v2`;
  const auth = (a: ConnectorAccount) => ({
    authorization: `Basic ${Buffer.from(`${a.config.username}:${a.secret.applicationPassword}`).toString("base64")}`,
  });

  async function api(
    account: ConnectorAccount,
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; critical?: boolean } = {},
  ) {
    const res = await call(deps, label, `${base(account)}${path}`, {
      method: init.method ?? "GET",
      headers: { ...auth(account), ...init.headers },
      body: init.body,
      critical: init.critical,
      timeoutMs: 120_000,
    });
    if (res.status < 200 || res.status >= 300) throw failure(res, label, jsonOf(res).message, init.critical);
    return res;
  }

  return {
    platform: "wordpress",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const issues: Issue[] = [...onlyKinds(label, post.media, ["image"]), ...tooMany(label, post.media.length, LIMITS.maxMedia)];
      issues.push(...titleIssues(label, titleOf(post), LIMITS.title));
      issues.push(...textLength(label, charCount(contentText(post)), LIMITS.text));
      return issues;
    },

    preview: (post) => ({ text: contentText(post), mediaCount: post.media.length }),

    async publish(account, post, key) {
      const uploaded: { id: number; url: string; alt: string }[] = [];
      for (const image of imagesOf(post.media)) {
        const file = await image.load();
        const res = await api(account, "/media", {
          method: "POST",
          headers: { "content-type": file.mime, "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"` },
          body: file.data,
        });
        const media = jsonOf(res);
        if (!media.id) throw unreadable(label, false);
        uploaded.push({ id: Number(media.id), url: String(media.source_url ?? ""), alt: image.fileName });
      }
      const figures = uploaded.map((u) => `<figure><img src="${escapeHtml(u.url)}" alt="${escapeHtml(u.alt)}"></figure>`).join("\n");
      const source = post.link ? `<p>Sumber: <a href="${escapeHtml(post.link)}">${escapeHtml(post.link)}</a></p>` : "";
      const res = await api(account, "/posts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          title: titleOf(post),
          content: [paragraphs(contentText(post)), figures, source].filter(Boolean).join("\n"),
          excerpt: post.item?.summary ?? "",
          status: "publish",
          slug: wordpressSlug(titleOf(post), key),
          ...(uploaded[0] ? { featured_media: uploaded[0].id } : {}),
        }),
        critical: true,
      });
      const created = jsonOf(res);
      if (!created.id) throw unreadable(label, true);
      return { externalId: String(created.id), url: typeof created.link === "string" ? created.link : null };
    },

    async check(account) {
      try {
        await api(account, "/users/me?context=edit");
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },

    async engagement(account, externalId) {
      const res = await api(account, `/comments?post=${encodeURIComponent(externalId)}&per_page=1`);
      return { comments: Number(res.headers["x-wp-total"] ?? 0) };
    },

    async findExisting(account, post, key) {
      const slug = wordpressSlug(titleOf(post), key);
      const res = await api(account, `/posts?slug=${encodeURIComponent(slug)}&status=publish,future,draft,pending,private&context=edit`);
      const list = jsonOf(res);
      const found = Array.isArray(list) ? list[0] : undefined;
      return found?.id ? { externalId: String(found.id), url: typeof found.link === "string" ? found.link : null } : null;
    },
  };
}
