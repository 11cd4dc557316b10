/** A content item as a card: readable on a phone, same look in the list and the queue. */
import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCalendarTime, IconClock, IconUser } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { formatZoned } from "../../lib/format-date";
import type { ContentSummary } from "./content-api";
import { ContentStatusBadge, ContentTypeBadge, SensitiveBadge } from "./content-badges";

export function ContentRow({ item, zone }: { item: ContentSummary; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="content-row" data-status={item.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/content/${item.id}`} fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
            {item.title || t("content.untitled")}
          </Anchor>
          <ContentStatusBadge status={item.status} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <ContentTypeBadge type={item.type} />
          {item.sensitive && <SensitiveBadge />}
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {item.organization.name}
          </Text>
        </Group>
        <Group gap="md" wrap="wrap">
          {item.author && (
            <Group gap={4} wrap="nowrap">
              <IconUser size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed">
                {item.author.name}
              </Text>
            </Group>
          )}
          <Group gap={4} wrap="nowrap">
            <IconClock size={14} color="var(--mantine-color-dimmed)" aria-hidden />
            <Text size="xs" c="dimmed">
              {t("content.updatedAt", { time: formatZoned(item.updatedAt, zone, { short: true }) })}
            </Text>
          </Group>
          {item.status === "scheduled" && item.publishAt && (
            <Group gap={4} wrap="nowrap">
              <IconCalendarTime size={14} color="var(--mantine-color-violet-6)" aria-hidden />
              <Text size="xs">{t("content.publishAtShort", { time: formatZoned(item.publishAt, zone, { short: true }) })}</Text>
            </Group>
          )}
          {item.publishedAt && (
            <Text size="xs" c="dimmed">
              {t("content.publishedAtShort", { time: formatZoned(item.publishedAt, zone, { short: true }) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
