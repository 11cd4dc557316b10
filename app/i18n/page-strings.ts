/**
 * The Indonesian texts of the feature pages (id-pages.json), added to the bundled core texts
 * (id.json: sign-in, navigation, notifications, validation) when the first page loads. The
 * router loads this module together with every lazy page (lazyPage in router.tsx), so the
 * first-load bundle carries only what the shell shows. English is loaded whole (en.json).
 */
import i18n from "i18next";
import pages from "./id-pages.json";

// deep merge, without overwriting the core texts of the same sections (their `nav` labels).
i18n.addResourceBundle("id", "translation", pages, true, false);
