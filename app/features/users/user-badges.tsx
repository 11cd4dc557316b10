import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UserStatus } from "../../../common/roles";

const COLORS: Record<UserStatus, string> = { active: "teal", invited: "yellow", deactivated: "gray" };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`userStatus.${status}`)}
    </Badge>
  );
}
