/**
 * A small in-process cache: entries expire after `ttlMs`, the oldest go first past
 * `maxEntries`, and `clear()` empties it when the change feed says the data changed.
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    /** While false (invalidations cannot arrive), the cache neither answers nor stores. */
    private readonly active: () => boolean = () => true,
  ) {}

  get(key: string): V | undefined {
    if (!this.active()) return undefined;
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** `ttlMs` shortens (or lengthens) this entry's life, e.g. to end at a known moment. */
  set(key: string, value: V, ttlMs = this.ttlMs) {
    if (!this.active()) return;
    if (this.map.size >= this.maxEntries) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, { value, expires: Date.now() + ttlMs });
  }

  delete(key: string) {
    this.map.delete(key);
  }

  clear() {
    this.map.clear();
  }

  get size() {
    return this.map.size;
  }
}
