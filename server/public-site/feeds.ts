import type { ListedItem, NewsroomOrg, NewsroomType } from "./newsroom-queries";
import { escapeXml as x } from "./render/html";
import { absolute, feedPaths, homePath, itemPath, TYPE_LABELS } from "./render/labels";

/** How many items a feed carries: the newest public ones. */
export const FEED_SIZE = 50;

export interface FeedView {
  base: string;
  org: NewsroomOrg;
  top: NewsroomOrg | null;
  type?: NewsroomType;
  items: ListedItem[];
}

const titleOf = (item: ListedItem) =>
  item.type === "klarifikasi" && item.hoaxLabel ? `[${item.hoaxLabel.toUpperCase()}] ${item.title}` : item.title;

function channel(v: FeedView, kind: "rss" | "atom") {
  const home = absolute(v.base, homePath(v.org, v.top));
  const self = absolute(v.base, `${feedPaths(v.org, v.top)[kind]}${v.type ? `?type=${v.type}` : ""}`);
  const title = `Ruang Berita ${v.org.name}${v.type ? ` — ${TYPE_LABELS[v.type]}` : ""}`;
  return { home, self, title };
}

/** RSS 2.0 (with atom:link rel="self", as validators ask). Dates in RFC 822, as RSS requires. */
export function renderRss(v: FeedView): string {
  const c = channel(v, "rss");
  const newest = v.items[0] ? new Date(v.items[0].publicFrom) : new Date(v.org.updatedAt);
  const items = v.items
    .map((item) => {
      const link = absolute(v.base, itemPath(item.orgSlug, item.slug));
      return `<item>
<title>${x(titleOf(item))}</title>
<link>${x(link)}</link>
<guid isPermaLink="false">urn:uuid:${item.id}</guid>
<pubDate>${new Date(item.publicFrom).toUTCString()}</pubDate>
<category>${x(TYPE_LABELS[item.type] ?? item.type)}</category>
${item.summary ? `<description>${x(item.summary)}</description>\n` : ""}</item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(c.title)}</title>
<link>${x(c.home)}</link>
<description>${x(`Siaran pers, berita dan informasi resmi dari ${v.org.name}.`)}</description>
<language>id</language>
<lastBuildDate>${newest.toUTCString()}</lastBuildDate>
<atom:link href="${x(c.self)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

/** Atom 1.0: ids are the items' UUIDs, stable even if a slug is corrected. */
export function renderAtom(v: FeedView): string {
  const c = channel(v, "atom");
  const updated = v.items.reduce((max, i) => Math.max(max, i.updatedAt), v.items.length ? 0 : v.org.updatedAt);
  const entries = v.items
    .map((item) => {
      const link = absolute(v.base, itemPath(item.orgSlug, item.slug));
      return `<entry>
<id>urn:uuid:${item.id}</id>
<title>${x(titleOf(item))}</title>
<link rel="alternate" type="text/html" href="${x(link)}"/>
<published>${new Date(item.publicFrom).toISOString()}</published>
<updated>${new Date(item.updatedAt).toISOString()}</updated>
<author><name>${x(item.orgName)}</name></author>
<category term="${x(item.type)}" label="${x(TYPE_LABELS[item.type] ?? item.type)}"/>
${item.summary ? `<summary>${x(item.summary)}</summary>\n` : ""}</entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
<id>${x(c.home)}</id>
<title>${x(c.title)}</title>
<updated>${new Date(updated).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${x(c.self)}"/>
<link rel="alternate" type="text/html" href="${x(c.home)}"/>
<author><name>${x(v.org.name)}</name><uri>${x(c.home)}</uri></author>
${entries}
</feed>
`;
}
