/**
 * ID/EN switch in the header. Signed in, the choice is saved on the account (PATCH /me) so it
 * follows the user to other devices and to emails; signed out, i18n keeps it in localStorage.
 */
import { SegmentedControl } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../common/roles";
import { api } from "../api/client";
import { type SessionView, storeSession, useOptionalSession } from "../features/auth/session";
import { handleApiError } from "../lib/form-errors";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useOptionalSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => api<SessionView>("/me", { method: "PATCH", body: { locale } }),
    onSuccess: (view) => storeSession(queryClient, view),
    onError: (error) => handleApiError(error),
  });

  const change = (value: string) => {
    const locale: Locale = value === "en" ? "en" : "id";
    void i18n.changeLanguage(locale); // switch at once; the server call only persists it
    if (session) save.mutate(locale);
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t("common.language")}
      value={i18n.language === "en" ? "en" : "id"}
      onChange={change}
      data={[
        { value: "id", label: "ID" },
        { value: "en", label: "EN" },
      ]}
    />
  );
}
