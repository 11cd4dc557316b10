import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";

describe("password strength (Indonesian-aware)", () => {
  it("refuses short and common Indonesian passwords with a hint in the user's language", () => {
    expect(passwordWeakness("rahasia", "id")).toMatch(/minimal 10 karakter/);
    expect(passwordWeakness("indonesiaraya", "id")).not.toBeNull();
    expect(passwordWeakness("jakarta2024", "id")).not.toBeNull();
    expect(passwordWeakness("merdeka1945", "en")).not.toBeNull();
  });

  it("refuses a password made of the user's own details", () => {
    expect(passwordWeakness("made.sutama@bali.go.id", "id", ["made.sutama@bali.go.id", "Made Sutama"])).not.toBeNull();
  });

  it("accepts a long passphrase", () => {
    expect(passwordWeakness("Kopi-Luwak-Kintamani-88", "id")).toBeNull();
  });
});
