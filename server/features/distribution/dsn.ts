/**
 * Reads a bounce: a Delivery Status Notification (RFC 3464, multipart/report with a
 * message/delivery-status part) as an MTA pipes it in. Hand-written on purpose: the parts of a
 * DSN are header blocks, and general mail parsers (mailparser) fold message/delivery-status into
 * the body text, losing the per-recipient fields.
 */
export interface DsnRecipient {
  finalRecipient: string | null;
  action: string | null;
  /** The enhanced status code (RFC 3463), e.g. "5.1.1". */
  status: string | null;
  diagnostic: string | null;
}

export interface ParsedBounce {
  /** The Message-ID of the message that bounced (from the returned headers), without <>. */
  originalMessageId: string | null;
  recipients: DsnRecipient[];
}

type Headers = Map<string, string>;

/** Header block → lower-cased names and unfolded values (first occurrence wins). */
function parseHeaderBlock(block: string): Headers {
  const headers: Headers = new Map();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits at the first empty line: headers, body. */
function splitEntity(raw: string): { headers: Headers; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: parseHeaderBlock(raw), body: "" };
  return { headers: parseHeaderBlock(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

const param = (value: string | undefined, name: string) => {
  const m = value ? new RegExp(`${name}\\s*=\\s*(?:"([^"]+)"|([^;\\s]+))`, "i").exec(value) : null;
  return m ? (m[1] ?? m[2]) : null;
};

function decode(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable")
    return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return body;
}

/** The parts of a multipart entity, recursively flattened (a DSN may be nested in a forward). */
function leafParts(entity: { headers: Headers; body: string }, depth = 0): { type: string; body: string }[] {
  const type = (entity.headers.get("content-type") ?? "text/plain").split(";")[0].trim().toLowerCase();
  const boundary = param(entity.headers.get("content-type"), "boundary");
  if (!type.startsWith("multipart/") || !boundary || depth > 5) {
    return [{ type, body: decode(entity.body, entity.headers.get("content-transfer-encoding")) }];
  }
  const delimiter = `--${boundary}`;
  const chunks = entity.body.split(delimiter).slice(1);
  const parts: { type: string; body: string }[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith("--")) break;
    parts.push(...leafParts(splitEntity(chunk.replace(/^[ \t]*\r?\n/, "")), depth + 1));
  }
  return parts;
}

const stripType = (v: string | undefined) => (v ? v.replace(/^[^;]*;\s*/, "").trim() : null);
const angle = (v: string | undefined | null) => (v ? (/<([^>]+)>/.exec(v)?.[1] ?? v.trim()) : null);

/** The per-recipient groups of a message/delivery-status body (the first group is per-message). */
function deliveryStatus(body: string): DsnRecipient[] {
  const groups = body.split(/\r?\n\s*\r?\n/).map(parseHeaderBlock);
  return groups
    .filter((g) => g.has("final-recipient") || g.has("action") || g.has("status"))
    .map((g) => ({
      finalRecipient: stripType(g.get("final-recipient") ?? g.get("original-recipient"))?.toLowerCase() ?? null,
      action: g.get("action")?.toLowerCase() ?? null,
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(g.get("status") ?? "")?.[0] ?? null,
      diagnostic: stripType(g.get("diagnostic-code")),
    }));
}

/** Null when the message is not a DSN at all (nothing to learn from it). */
export function parseBounce(raw: string | Buffer): ParsedBounce | null {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  const parts = leafParts(splitEntity(text));
  const status = parts.find((p) => p.type === "message/delivery-status" || p.type === "message/global-delivery-status");
  if (!status) return null;
  const returned = parts.find(
    (p) => p.type === "text/rfc822-headers" || p.type === "message/rfc822" || p.type === "message/global-headers",
  );
  const originalMessageId = returned ? angle(splitEntity(returned.body).headers.get("message-id")) : null;
  return { originalMessageId, recipients: deliveryStatus(status.body) };
}

/** A DSN action or status class that means the address will not receive the message. */
export function isPermanentFailure(r: DsnRecipient): boolean {
  return r.action === "failed" || (r.status?.startsWith("5.") ?? false);
}

/** RFC 2047 encoded words (=?charset?B|Q?…?=), which a mail client may use for the Subject. */
function decodeWords(value: string): string {
  // Whitespace between two encoded words is folding, not text (RFC 2047 §6.2): a client that
  // splits a long subject at 75 characters may split the token itself.
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/**
 * The token of a `mailto:…?subject=unsubscribe%20<token>` List-Unsubscribe request (RFC 2369):
 * what a mail client sends when the reader picks "unsubscribe" and the client does not do the
 * one-click POST. Null when the message is not one.
 */
export function parseUnsubscribeRequest(raw: string | Buffer): string | null {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  const subject = decodeWords(splitEntity(text).headers.get("subject") ?? "");
  return /^\s*unsubscribe\s+([\w.-]{10,200})\s*$/i.exec(subject)?.[1] ?? null;
}
