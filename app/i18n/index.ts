/**
 * i18next setup. Indonesian is the default language (DESIGN.md, Language); English second.
 * The choice is kept in localStorage so it survives reloads before sign-in; once signed in the
 * user's stored locale (SessionView.user.locale) wins.
 */
import dayjs from "dayjs";
import "dayjs/locale/id";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../common/roles";
import en from "./en.json";
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

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
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
