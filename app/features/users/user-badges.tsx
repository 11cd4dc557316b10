import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UserStatus } from "../../../common/roles";

const COLORS: Record<UserStatus, string> = { active: "teal", invited: "yellow", deactivated: "gray" };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    // A table column may shrink below the label; the badge keeps its full word instead.
    <Badge color={COLORS[status]} variant="light" style={{ minWidth: "max-content" }}>
      {t(`userStatus.${status}`)}
    </Badge>
  );
}
