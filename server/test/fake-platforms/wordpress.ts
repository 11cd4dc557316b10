import { type FakeReply, type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local WordPress REST API (/wp-json/wp/v2) with application-password basic auth: users/me,
 * media uploads (raw body + Content-Disposition), posts (create, list by slug) and comment
 * counts in X-WP-Total. Like WordPress it makes slugs unique by appending -2, -3 …
 */
export interface WordpressPost {
  id: number;
  title: string;
  content: string;
  status: string;
  slug: string;
  featuredMedia: number;
  link: string;
}

export interface FakeWordpress extends FakeServer {
  received: WordpressPost[];
  media: { id: number; fileName: string; mime: string; bytes: number }[];
}

const wpError = (status: number, code: string, message: string): FakeReply => ({ status, body: { code, message, data: { status } } });

export async function startFakeWordpress(options: { username: string; password: string }): Promise<FakeWordpress> {
  const received: WordpressPost[] = [];
  const media: FakeWordpress["media"] = [];
  let seq = 40;
  const fake = await startFakeServer((req) => {
    const auth = String(req.headers.authorization ?? "");
    const [user, ...rest] = Buffer.from(auth.replace(/^Basic /, ""), "base64")
      .toString("utf8")
      .split(":");
    const password = rest.join(":").replace(/\s+/g, "");
    if (!auth.startsWith("Basic ") || user !== options.username || password !== options.password.replace(/\s+/g, ""))
      return wpError(401, "incorrect_password", "The provided password is an invalid application password.");
    const route = req.path.replace(/^\/wp-json\/wp\/v2/, "");
    if (req.method === "GET" && route === "/users/me") return { body: { id: 1, name: "Humas Uji", slug: "humas", roles: ["editor"] } };
    if (req.method === "POST" && route === "/media") {
      const fileName = /filename="([^"]+)"/.exec(String(req.headers["content-disposition"] ?? ""))?.[1];
      if (!fileName || req.raw.length === 0) return wpError(400, "rest_upload_no_data", "No data supplied.");
      const id = seq++;
      media.push({ id, fileName, mime: String(req.headers["content-type"]), bytes: req.raw.length });
      return {
        status: 201,
        body: { id, source_url: `${fake.url}/wp-content/uploads/${fileName}`, media_type: "image", mime_type: req.headers["content-type"] },
      };
    }
    if (req.method === "POST" && route === "/posts") {
      const body = req.json ?? {};
      if (!body.title && !body.content) return wpError(400, "empty_content", "Content, title, and excerpt are empty.");
      let slug = String(body.slug ?? "post");
      for (let n = 2; received.some((p) => p.slug === slug); n++) slug = `${body.slug}-${n}`;
      const post = {
        id: seq++,
        title: body.title,
        content: body.content,
        status: body.status ?? "draft",
        slug,
        featuredMedia: body.featured_media ?? 0,
        link: `${fake.url}/${slug}/`,
      };
      received.push(post);
      return {
        status: 201,
        body: { id: post.id, link: post.link, slug, status: post.status, title: { raw: post.title, rendered: post.title } },
      };
    }
    if (req.method === "GET" && route === "/posts") {
      const slug = req.query.get("slug");
      const list = received
        .filter((p) => !slug || p.slug === slug)
        .map((p) => ({ id: p.id, link: p.link, slug: p.slug, status: p.status }));
      return { body: list, headers: { "x-wp-total": String(list.length), "x-wp-totalpages": "1" } };
    }
    if (req.method === "GET" && route === "/comments") return { body: [], headers: { "x-wp-total": "7", "x-wp-totalpages": "7" } };
    return wpError(404, "rest_no_route", "No route was found matching the URL and request method.");
  });
  return Object.assign(fake, { received, media }) as FakeWordpress;
}
