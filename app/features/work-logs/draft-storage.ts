/**
 * Unsaved form values survive a dropped connection or a closed tab: they are kept in
 * localStorage per user (and per entry) until the server has them.
 */
export interface StoredDraft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = "sinergi.workLogDraft";

export const draftKey = (userId: string, workLogId: string | null) => `${PREFIX}.${userId}.${workLogId ?? "new"}`;

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null; // storage blocked or a broken value: start fresh
  }
}

export function writeDraft<T>(key: string, values: T): void {
  try {
    localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies StoredDraft<T>));
  } catch {
    // quota or privacy mode: the form still works, only without the safety net
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // ignore
  }
}
