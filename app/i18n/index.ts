/**
 * i18next setup. Indonesian is the default language (DESIGN.md, Language); English second.
 * The choice is kept in localStorage so it survives reloads before sign-in; once signed in the
 * user's stored locale (SessionView.user.locale) wins.
 *
 * Only Indonesian ships in the first bundle; English (≈ 20 KB gzip) is a separate chunk that the
 * backend below imports when the language becomes `en` (i18next switches once it has loaded).
 * `i18nReady` settles when the starting language's texts are in (or failed to load: the
 * Indonesian fallback then shows), so main.tsx renders no Indonesian flash for an English user.
 */
import dayjs from "dayjs";
import "dayjs/locale/id";
import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../common/roles";
import id from "./id.json";

const STORAGE_KEY = "sinergi.locale";

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    return "id"; // storage can be blocked (private mode, policies)
  }
}

function applyLocale(locale: string): void {
  dayjs.locale(locale === "en" ? "en" : "id");
  document.documentElement.lang = locale;
}

const lazyLanguages: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (language !== "en") return callback(null, language === "id" ? id : {});
    import("./en.json").then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18nReady: Promise<unknown> = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { id: { translation: id } },
    partialBundledLanguages: true, // `id` is bundled; the backend fetches the rest
    supportedLngs: ["id", "en"],
    lng: storedLocale(),
    fallbackLng: "id",
    interpolation: { escapeValue: false }, // React already escapes
    returnNull: false,
  });
applyLocale(i18n.language);

i18n.on("languageChanged", (lng) => {
  applyLocale(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore: the choice then lasts for this page only
  }
});

export function currentLocale(): Locale {
  return i18n.language === "en" ? "en" : "id";
}

export default i18n;
