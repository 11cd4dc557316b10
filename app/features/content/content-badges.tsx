/** Status and type shown the same way in the list, the queue and the item page. */
import { Badge, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ContentStatus, ContentType } from "./content-api";

const STATUS_COLORS: Record<ContentStatus, string> = {
  draft: "gray",
  returned: "orange",
  in_review: "blue",
  approved: "teal",
  scheduled: "violet",
  published: "green",
  archived: "dark",
};

export function ContentStatusBadge({ status }: { status: ContentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === "returned" ? "filled" : "light"}
      style={{ flexShrink: 0 }}
      data-status={status}
    >
      {t(`content.status.${status}`)}
    </Badge>
  );
}

export function ContentTypeBadge({ type }: { type: ContentType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" style={{ textTransform: "none", flexShrink: 0 }}>
      {t(`content.types.${type}`)}
    </Badge>
  );
}

/** Sensitive items need a leader's approval on top of the chain. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t("content.sensitiveHint")} multiline w={260}>
      <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />} style={{ textTransform: "none" }}>
        {t("content.sensitive")}
      </Badge>
    </Tooltip>
  );
}
