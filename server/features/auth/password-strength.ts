import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { LIMITS } from "../../../common/limits";
import type { Locale } from "../../../common/roles";

// Indonesian words and names matter here: "jakarta2024" or "merdeka45" must score as weak.
// Built on first use: ranking the dictionaries takes ~0.4 s, which start-up should not pay.
let factories: Promise<Record<Locale, ZxcvbnFactory>> | null = null;
async function build(): Promise<Record<Locale, ZxcvbnFactory>> {
  const [{ ZxcvbnFactory }, common, en, idLang] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
    import("@zxcvbn-ts/language-id"),
  ]);
  const dictionary = { ...common.dictionary, ...en.dictionary, ...idLang.dictionary };
  return {
    id: new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs, translations: idLang.translations }),
    en: new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs, translations: en.translations }),
  };
}

export const MIN_SCORE = 3;

/** Returns a hint when the password is too weak, or null when it is strong enough. */
export async function passwordWeakness(password: string, locale: Locale, userInputs: string[] = []): Promise<string | null> {
  if (password.length < LIMITS.passwordMin) {
    return locale === "en" ? `Use at least ${LIMITS.passwordMin} characters.` : `Gunakan minimal ${LIMITS.passwordMin} karakter.`;
  }
  factories ??= build();
  const result = (await factories)[locale].check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return hint || (locale === "en" ? "Add more unusual words." : "Tambahkan kata yang tidak umum.");
}
