import sanitizeHtml from "sanitize-html";

/**
 * The one HTML whitelist for stored content: what the Tiptap toolbar can produce, nothing that
 * runs script or loads third-party resources. The newsroom renders stored HTML as it is, so this
 * is the only gate between an author's paste and the public page.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a", "code", "pre", "hr"],
  allowedAttributes: { a: ["href", "title"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
  transformTags: {
    // Outbound links from a government page must not leak the referrer or hand over window.opener.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    h1: "h2",
  },
  allowedSchemesAppliedToAttributes: ["href"],
};

export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, { ...OPTIONS, allowedAttributes: { a: ["href", "title", "rel"] } }).trim();
}

/** Plain text of stored HTML, for the search index and channel posts. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|blockquote|pre)>|<br\s*\/?>/gi, "$&\n"), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}
