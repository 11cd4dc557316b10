import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as idLang from "@zxcvbn-ts/language-id";
import { LIMITS } from "../../../common/limits";
import type { Locale } from "../../../common/roles";

// Indonesian words and names matter here: "jakarta2024" or "merdeka45" must score as weak.
// Built on first use: ranking the dictionaries takes ~0.4 s, which start-up should not pay.
let factories: Record<Locale, ZxcvbnFactory> | null = null;
function factory(locale: Locale): ZxcvbnFactory {
  if (!factories) {
    const dictionary = { ...common.dictionary, ...en.dictionary, ...idLang.dictionary };
    factories = {
      id: new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs, translations: idLang.translations }),
      en: new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs, translations: en.translations }),
    };
  }
  return factories[locale];
}

export const MIN_SCORE = 3;

/** Returns a hint when the password is too weak, or null when it is strong enough. */
export function passwordWeakness(password: string, locale: Locale, userInputs: string[] = []): string | null {
  if (password.length < LIMITS.passwordMin) {
    return locale === "en" ? `Use at least ${LIMITS.passwordMin} characters.` : `Gunakan minimal ${LIMITS.passwordMin} karakter.`;
  }
  const result = factory(locale).check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return hint || (locale === "en" ? "Add more unusual words." : "Tambahkan kata yang tidak umum.");
}
