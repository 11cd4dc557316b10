/**
 * A refused submit of a brand-new item is answered on the edit page it moves to (a new route,
 * so a new form): the missing keys wait here for that page to show them once.
 */
const refusals = new Map<string, string[]>();

export function flashRefusal(contentId: string, keys: string[]): void {
  refusals.set(contentId, keys);
}

/** Read without removing: React may run initializers twice in development. */
export function peekRefusal(contentId: string | undefined): string[] {
  return (contentId && refusals.get(contentId)) || [];
}

export function clearRefusal(contentId: string): void {
  refusals.delete(contentId);
}
