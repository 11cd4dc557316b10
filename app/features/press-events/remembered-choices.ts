/**
 * Options for a searchable multi-select fed by a server search: the search stops returning a
 * chosen option once its text moves on, so every label seen in the form is remembered and a
 * chosen option keeps its name instead of showing its id.
 */
import { useRef } from "react";

export type Choice = { value: string; label: string };

/** `known`: options the record already has; `found`: the current search's; `seen`: labels so far (updated). */
export function mergeChoices(found: Choice[], known: Choice[], selected: string[], seen: Map<string, string>): Choice[] {
  const all = [...known, ...found];
  for (const o of all) seen.set(o.value, o.label);
  const options = new Map(all.map((o) => [o.value, o]));
  for (const id of selected) if (!options.has(id)) options.set(id, { value: id, label: seen.get(id) ?? id });
  return [...options.values()];
}

export function useRememberedChoices(found: Choice[], known: Choice[], selected: string[]): Choice[] {
  // Only ever gains true labels, so writing it during render is harmless.
  const seen = useRef(new Map<string, string>());
  return mergeChoices(found, known, selected, seen.current);
}
