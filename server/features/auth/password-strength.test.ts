import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";

describe("password strength (Indonesian-aware)", async () => {
  it("refuses short and common Indonesian passwords with a hint in the user's language", async () => {
    expect(await passwordWeakness("rahasia", "id")).toMatch(/minimal 10 karakter/);
    expect(await passwordWeakness("indonesiaraya", "id")).not.toBeNull();
    expect(await passwordWeakness("jakarta2024", "id")).not.toBeNull();
    expect(await passwordWeakness("merdeka1945", "en")).not.toBeNull();
  });

  it("refuses a password made of the user's own details", async () => {
    expect(await passwordWeakness("made.sutama@bali.go.id", "id", ["made.sutama@bali.go.id", "Made Sutama"])).not.toBeNull();
  });

  it("accepts a long passphrase", async () => {
    expect(await passwordWeakness("Kopi-Luwak-Kintamani-88", "id")).toBeNull();
  });
});
