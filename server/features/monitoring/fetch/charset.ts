/**
 * Turns fetched bytes into text. Order of evidence: a byte-order mark, the charset of the
 * Content-Type header, the XML declaration, a <meta charset> / http-equiv in the first 4 KB.
 * Indonesian sites often declare UTF-8 and send latin-1 (or the reverse), so a declared UTF-8
 * that does not decode cleanly falls back to windows-1252, which also covers iso-8859-1.
 */

const SNIFF_BYTES = 4096;

const ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "latin-1": "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  utf8: "utf-8",
};

function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (!l) return null;
  const mapped = ALIASES[l] ?? l;
  try {
    new TextDecoder(mapped);
    return mapped;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? "");
  return normalizeLabel(m?.[2]);
}

/** The charset a document declares about itself (XML declaration or HTML meta). */
export function declaredCharset(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return normalizeLabel(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return normalizeLabel(meta?.[1]);
}

function bomCharset(body: Uint8Array): { charset: string; skip: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: "utf-8", skip: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

export interface Decoded {
  text: string;
  /** The charset actually used. */
  charset: string;
  /** True when the declared charset was wrong and another one was used. */
  corrected: boolean;
}

export function decodeBody(body: Uint8Array, contentType?: string): Decoded {
  const bom = bomCharset(body);
  if (bom) return { text: new TextDecoder(bom.charset).decode(body.subarray(bom.skip)), charset: bom.charset, corrected: false };
  // The sniffed head is read as latin-1: every byte maps to one char, and the markup is ASCII.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, SNIFF_BYTES)).toString("latin1");
  const declared = charsetFromContentType(contentType) ?? declaredCharset(head);
  const charset = declared ?? "utf-8";
  if (charset === "utf-8") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), charset, corrected: false };
    } catch {
      return { text: new TextDecoder("windows-1252").decode(body), charset: "windows-1252", corrected: true };
    }
  }
  if (charset === "windows-1252") {
    // A page declared latin-1 whose bytes are valid, non-ASCII UTF-8 is almost surely UTF-8.
    if (hasMultiByteUtf8(body)) {
      try {
        return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), charset: "utf-8", corrected: true };
      } catch {
        // really latin-1
      }
    }
  }
  return { text: new TextDecoder(charset).decode(body), charset, corrected: false };
}

function hasMultiByteUtf8(body: Uint8Array): boolean {
  for (let i = 0; i < body.length - 1; i++) {
    const b = body[i];
    if (b >= 0xc2 && b <= 0xf4) {
      const n = body[i + 1];
      if (n >= 0x80 && n <= 0xbf) return true;
    }
  }
  return false;
}
