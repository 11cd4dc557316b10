/**
 * A tiny HTML builder for the server-rendered newsroom: everything interpolated into `html`
 * is escaped unless it is already `Html` (built by `html` itself, or marked with `trusted`).
 * No template engine: pages are plain functions, and escaping is the default, not a habit.
 */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * Marks HTML that is already safe: the item body (sanitized by the content studio when it was
 * saved) and markup this module built. Never pass request input here.
 */
export const trusted = (value: string) => new Html(value);

/** Plain text with line breaks as paragraphs (fields typed in a textarea). */
export function paragraphs(text: string | undefined | null): Html {
  const blocks = (text ?? "")
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return html`${blocks.map((b) => html`<p>${b}</p>`)}`;
}

/**
 * Text with highlight marks from PostgreSQL's ts_headline: the database wraps matches in two
 * sentinel characters (removed from the text beforehand), which become <mark> here only after
 * the text around them is escaped. Unbalanced sentinels cannot produce unbalanced markup.
 */
export const MARK_START = "\u27e6";
export const MARK_END = "\u27e7";
export function highlighted(text: string): Html {
  let out = "";
  let open = false;
  for (const piece of text.split(/([\u27e6\u27e7])/)) {
    if (piece === MARK_START) {
      if (!open) out += "<mark>";
      open = true;
    } else if (piece === MARK_END) {
      if (open) out += "</mark>";
      open = false;
    } else out += escapeHtml(piece);
  }
  return new Html(open ? `${out}</mark>` : out);
}

/** JSON inside <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function jsonForScript(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
}

/** Text for XML (feeds, sitemap): escaped, without the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")).replace(/&#39;/g, "&apos;");
}
