/**
 * Helpers for the flat, tree-ordered list the API returns (each item has parentId and depth).
 * Keeping it flat means collapsing is just hiding rows whose ancestor is collapsed.
 */
import type { OrganizationView } from "./organizations-api";

export function childCounts(items: OrganizationView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.parentId) counts.set(item.parentId, (counts.get(item.parentId) ?? 0) + 1);
  }
  return counts;
}

/** Rows to render: an item is hidden when any ancestor present in the list is collapsed. */
export function visibleItems(items: OrganizationView[], collapsed: ReadonlySet<string>): OrganizationView[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const hidden = new Map<string, boolean>();
  const isHidden = (item: OrganizationView): boolean => {
    const cached = hidden.get(item.id);
    if (cached !== undefined) return cached;
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    const result = parent ? collapsed.has(parent.id) || isHidden(parent) : false;
    hidden.set(item.id, result);
    return result;
  };
  return items.filter((item) => !isHidden(item));
}

/** Ids of an organization and everything below it (cannot be chosen as its new parent). */
export function subtreeIds(items: OrganizationView[], rootId: string): Set<string> {
  const ids = new Set<string>([rootId]);
  // Tree order guarantees descendants come after their ancestors.
  for (const item of items) {
    if (item.parentId && ids.has(item.parentId)) ids.add(item.id);
  }
  return ids;
}

/** Large trees open collapsed below the first level so the page stays usable. */
export function initialCollapsed(items: OrganizationView[]): Set<string> {
  if (items.length <= 150) return new Set();
  const counts = childCounts(items);
  return new Set(items.filter((item) => item.depth >= 1 && counts.has(item.id)).map((item) => item.id));
}
