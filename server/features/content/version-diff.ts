import { diffWordsWithSpace } from "diff";
import { htmlToText } from "./sanitize";

type Snapshot = Record<string, unknown>;

/** A snapshot as readable text per field: the body without markup, structured fields as lines. */
function readable(snapshot: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  out.set("title", String(snapshot.title ?? ""));
  out.set("summary", String(snapshot.summary ?? ""));
  out.set("bodyHtml", htmlToText(String(snapshot.bodyHtml ?? "")));
  out.set("sensitive", snapshot.sensitive ? "ya" : "tidak");
  const fields = (snapshot.fields ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    out.set(
      `fields.${key}`,
      typeof value === "string"
        ? value
        : JSON.stringify(value, null, 1)
            .replace(/[{}[\]"]/g, "")
            .trim(),
    );
  }
  return out;
}

/** Word-level diff of two versions, only for the fields that changed. */
export function diffVersions(from: Snapshot, to: Snapshot) {
  const a = readable(from);
  const b = readable(to);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((k) => (a.get(k) ?? "") !== (b.get(k) ?? ""))
    .map((field) => ({
      field,
      parts: diffWordsWithSpace(a.get(field) ?? "", b.get(field) ?? "").map((p) => ({
        op: p.added ? ("insert" as const) : p.removed ? ("delete" as const) : ("equal" as const),
        text: p.value,
      })),
    }));
}
