/** On a content item: who in the media room viewed it while it was under embargo (a short list + the full log). */
import { Card, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { useEmbargoViews } from "./media-room-api";

const SHOWN = 5;

export function ContentEmbargoAccess({ contentId }: { contentId: string }) {
  const { t } = useTranslation();
  const list = useEmbargoViews({ contentId, page: 1 }, SHOWN);
  if (list.isLoading || list.isError) return null;
  const items = list.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label={t("mediaRoom.log.contentTitle")} data-testid="embargo-access">
      <Text fw={600} size="sm">
        {t("mediaRoom.log.contentTitle")}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("mediaRoom.log.empty")}
        </Text>
      ) : (
        <Stack gap={2} mt={4}>
          {items.map((row) => (
            <Text size="sm" key={row.id}>
              {formatDateTime(row.viewedAt)} · {row.journalistName} ({row.outlet}) · {t(`mediaRoom.log.whatLabels.${row.what}`)} ·{" "}
              {row.ip ?? "—"}
            </Text>
          ))}
          {(list.data?.total ?? 0) > SHOWN && (
            <Text size="sm">
              <Link to="/media-room" search={{ tab: "log", contentId }}>
                {t("mediaRoom.log.showAll")}
              </Link>
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
