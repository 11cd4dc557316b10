/** Status badges of an outlet: Dewan Pers verification, computed grade, certificate warning. */
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OutletSummary } from "./media-relations-api";

const VERIFICATION_COLOR = { tidak_terdaftar: "gray", terverifikasi_administratif: "blue", terverifikasi_faktual: "teal" } as const;

export function OutletBadges({ outlet }: { outlet: OutletSummary }) {
  const { t } = useTranslation();
  const days = outlet.certificateExpiresInDays;
  return (
    <Group gap={6}>
      <Badge variant="light" color={VERIFICATION_COLOR[outlet.dewanPersStatus]}>
        {t(`mediaRelations.dewanPers.${outlet.dewanPersStatus}`)}
      </Badge>
      {outlet.grade && (
        <Badge variant="outline" color="grape">
          {t("mediaRelations.gradeBadge", { grade: outlet.grade })}
        </Badge>
      )}
      {outlet.certificateExpiringSoon && days !== null && (
        <Badge variant="filled" color={days < 0 ? "red" : "orange"}>
          {days < 0 ? t("mediaRelations.certificateExpired") : t("mediaRelations.certificateExpiring", { count: days })}
        </Badge>
      )}
      {outlet.mergedIntoId && (
        <Badge variant="light" color="dark">
          {t("mediaRelations.merged")}
        </Badge>
      )}
    </Group>
  );
}
