import { describe, expect, it } from "vitest";
import { mergeChoices } from "./remembered-choices";

describe("mergeChoices", () => {
  it("keeps the label of an option picked from an earlier search", () => {
    const seen = new Map<string, string>();
    mergeChoices([{ value: "o1", label: "Budi Santoso" }], [], [], seen);
    // The user picked Budi, then typed another name: the search no longer returns him.
    const options = mergeChoices([{ value: "o2", label: "Sari" }], [], ["o1"], seen);
    expect(options).toEqual([
      { value: "o2", label: "Sari" },
      { value: "o1", label: "Budi Santoso" },
    ]);
  });

  it("keeps the record's own options and falls back to the id only for a never-seen one", () => {
    const seen = new Map<string, string>();
    const options = mergeChoices([], [{ value: "c1", label: "Rilis banjir" }], ["c1", "c9"], seen);
    expect(options).toEqual([
      { value: "c1", label: "Rilis banjir" },
      { value: "c9", label: "c9" },
    ]);
  });
});
