import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function OfficerStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    // A table column may shrink below the label; the badge keeps its full word instead.
    <Badge color={active ? "teal" : "gray"} variant="light" style={{ minWidth: "max-content" }}>
      {active ? t("officers.active") : t("officers.inactive")}
    </Badge>
  );
}
