import { type FakeReply, type FakeRequest, type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local Facebook Graph API for the two products that live on it: Pages (/{page-id}/feed,
 * /{page-id}/photos, post engagement) and Instagram content publishing (/{ig-user-id}/media,
 * /media_publish, media fields). One server, because both share GRAPH_API_URL. The version
 * segment (/v21.0) is accepted and ignored. Errors use the documented `{ error: { message,
 * type, code, fbtrace_id } }` shape.
 */
export interface GraphPost {
  kind: "feed" | "photo" | "ig_media";
  /** Page or Instagram user id. */
  ownerId: string;
  id: string;
  message: string;
  link?: string;
  photos: number;
  createdTime: string;
}

export interface FakeGraph extends FakeServer {
  /** Visible posts (Page posts, published Instagram media), in order. */
  received: GraphPost[];
  /** Instagram containers created (image URLs Instagram would fetch). */
  containers: { id: string; imageUrl?: string; caption?: string; children?: string[] }[];
  /** Engagement the fake reports for every post. */
  engagement: { shares: number; reactions: number; comments: number; likes: number };
}

export interface FakeGraphOptions {
  pageId?: string;
  igUserId?: string;
  /** Only this token is valid (others answer code 190); any token when unset. */
  token?: string;
}

const oauthError = (message: string): FakeReply => ({
  status: 400,
  body: { error: { message, type: "OAuthException", code: 190, error_subcode: 463, fbtrace_id: "AbCdEf123" } },
});
const paramError = (message: string): FakeReply => ({
  status: 400,
  body: { error: { message: `(#100) ${message}`, type: "OAuthException", code: 100, fbtrace_id: "AbCdEf124" } },
});

const fbTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+0000");

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const pageId = options.pageId ?? "104857600000001";
  const igUserId = options.igUserId ?? "17841400000000001";
  const received: GraphPost[] = [];
  const containers: FakeGraph["containers"] = [];
  const engagement = { shares: 4, reactions: 21, comments: 3, likes: 17 };
  let seq = 1000;
  const next = () => String(seq++);

  const handle = (req: FakeRequest): FakeReply => {
    const token = req.fields.access_token;
    if (!token) return oauthError("An active access token must be used to query information about the current user.");
    if (options.token && token !== options.token) return oauthError("Error validating access token: Session has expired.");
    const parts = req.path
      .replace(/^\/v\d+\.\d+/, "")
      .split("/")
      .filter(Boolean);
    const fields = req.fields.fields ?? "";
    if (req.method === "GET" && parts[0] === "me") return { body: { id: pageId, name: "Dinas Uji" } };
    if (req.method === "GET" && parts.length === 1 && parts[0] === igUserId) return { body: { id: igUserId, username: "humas_uji" } };

    // ---- Facebook Page ----
    if (parts[0] === pageId && parts[1] === "feed") {
      if (req.method === "GET") {
        const since = Number(req.fields.since ?? 0) * 1000;
        const data = received
          .filter((p) => p.ownerId === pageId && p.kind !== "ig_media" && new Date(p.createdTime).getTime() >= since)
          .reverse()
          .map((p) => ({
            id: p.id,
            message: p.message || undefined,
            created_time: fbTime(new Date(p.createdTime)),
            permalink_url: `https://www.facebook.com/${p.id}`,
          }));
        return { body: { data, paging: {} } };
      }
      if (!req.fields.message && !req.fields.link && !req.fields.attached_media)
        return paramError("The parameter message or link is required");
      const attached = req.fields.attached_media ? (JSON.parse(req.fields.attached_media) as unknown[]) : [];
      const id = `${pageId}_${next()}`;
      received.push({
        kind: "feed",
        ownerId: pageId,
        id,
        message: req.fields.message ?? "",
        link: req.fields.link,
        photos: attached.length,
        createdTime: new Date().toISOString(),
      });
      return { body: { id } };
    }
    if (parts[0] === pageId && parts[1] === "photos" && req.method === "POST") {
      if (!req.files.source && !req.fields.url) return paramError("Requires upload file");
      const photoId = next();
      if (req.fields.published === "false") return { body: { id: photoId } };
      const postId = `${pageId}_${next()}`;
      received.push({
        kind: "photo",
        ownerId: pageId,
        id: postId,
        message: req.fields.message ?? "",
        photos: 1,
        createdTime: new Date().toISOString(),
      });
      return { body: { id: photoId, post_id: postId } };
    }

    // ---- Instagram ----
    if (parts[0] === igUserId && parts[1] === "media") {
      if (req.method === "GET") {
        const data = received
          .filter((p) => p.kind === "ig_media")
          .reverse()
          .map((p) => ({
            id: p.id,
            caption: p.message,
            permalink: `https://www.instagram.com/p/${p.id}/`,
            timestamp: fbTime(new Date(p.createdTime)),
          }));
        return { body: { data, paging: {} } };
      }
      const id = next();
      if (req.fields.media_type === "CAROUSEL") {
        const children = (req.fields.children ?? "").split(",").filter(Boolean);
        if (children.length < 2 || children.length > 10) return paramError("Carousel requires 2 to 10 children");
        containers.push({ id, caption: req.fields.caption, children });
      } else {
        if (!req.fields.image_url) return paramError("The parameter image_url is required");
        containers.push({ id, imageUrl: req.fields.image_url, caption: req.fields.caption });
      }
      return { body: { id } };
    }
    if (parts[0] === igUserId && parts[1] === "media_publish" && req.method === "POST") {
      const container = containers.find((c) => c.id === req.fields.creation_id);
      if (!container) return paramError("Media ID is not available");
      const id = next();
      received.push({
        kind: "ig_media",
        ownerId: igUserId,
        id,
        message: container.caption ?? "",
        photos: container.children?.length ?? 1,
        createdTime: new Date().toISOString(),
      });
      return { body: { id } };
    }

    // ---- single objects: containers, posts, media ----
    if (req.method === "GET" && parts.length === 1) {
      const id = parts[0];
      if (containers.some((c) => c.id === id)) return { body: { status_code: "FINISHED", id } };
      const post = received.find((p) => p.id === id);
      if (!post) return paramError(`Unsupported get request. Object with ID '${id}' does not exist`);
      if (fields.includes("permalink")) return { body: { permalink: `https://www.instagram.com/p/${id}/`, id } };
      if (fields.includes("like_count")) return { body: { like_count: engagement.likes, comments_count: engagement.comments, id } };
      return {
        body: {
          shares: { count: engagement.shares },
          reactions: { data: [], summary: { total_count: engagement.reactions, viewer_reaction: "NONE" } },
          comments: { data: [], summary: { order: "ranked", total_count: engagement.comments, can_comment: true } },
          id,
        },
      };
    }
    return paramError(`Unknown path components: /${parts.join("/")}`);
  };

  const fake = await startFakeServer(handle);
  return Object.assign(fake, { received, containers, engagement }) as FakeGraph;
}
