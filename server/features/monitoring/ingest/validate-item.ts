/**
 * Checks one raw item before it enters the pipeline. A bad item is rejected with a code and
 * message; the rest of the batch goes on.
 */
const isUuid = (s: unknown) => typeof s === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

import { canonicalUrl } from "./canonical-url";
import { ITEM_KINDS, type RawItem } from "./raw-item";

export const MAX_TITLE = 1000;
export const MAX_TEXT = 1_000_000;

export interface ItemProblem {
  code: "monitoring_item_invalid" | "monitoring_item_url_invalid";
  message: string;
}

export function validateItem(item: RawItem, now = Date.now()): ItemProblem | { canonical: string } {
  if (!item || typeof item !== "object") return { code: "monitoring_item_invalid", message: "item is not an object" };
  if (typeof item.url !== "string" || !canonicalUrl(item.url))
    return { code: "monitoring_item_url_invalid", message: "url must be an absolute http(s) URL or manual:<uuid>" };
  if (!ITEM_KINDS.includes(item.kind)) return { code: "monitoring_item_invalid", message: `kind must be one of ${ITEM_KINDS.join(", ")}` };
  if (typeof item.title !== "string" || typeof item.text !== "string")
    return { code: "monitoring_item_invalid", message: "title and text must be strings" };
  if (!item.title.trim() && !item.text.trim()) return { code: "monitoring_item_invalid", message: "title and text are both empty" };
  if (item.title.length > MAX_TITLE) return { code: "monitoring_item_invalid", message: `title longer than ${MAX_TITLE} characters` };
  if (item.text.length > MAX_TEXT) return { code: "monitoring_item_invalid", message: `text longer than ${MAX_TEXT} characters` };
  if (item.publishedAt !== undefined) {
    if (!(item.publishedAt instanceof Date) || Number.isNaN(item.publishedAt.getTime()))
      return { code: "monitoring_item_invalid", message: "publishedAt is not a valid date" };
    // Feeds with a wrong time zone run a few hours ahead; a day ahead is a broken date.
    if (item.publishedAt.getTime() > now + 86_400_000) return { code: "monitoring_item_invalid", message: "publishedAt is in the future" };
  }
  if (item.outletId !== undefined && item.outletId !== null && !isUuid(item.outletId))
    return { code: "monitoring_item_invalid", message: "outletId is not a uuid" };
  if (item.images !== undefined && (!Array.isArray(item.images) || item.images.some((i) => typeof i !== "string")))
    return { code: "monitoring_item_invalid", message: "images must be a list of URLs" };
  // A canonical URL from the page wins, when it is itself usable.
  const fromPage = typeof item.canonicalUrl === "string" ? canonicalUrl(item.canonicalUrl) : null;
  return { canonical: fromPage ?? (canonicalUrl(item.url) as string) };
}
