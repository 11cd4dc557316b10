/** Where the item went: one row per channel with status, link, time and engagement counts. */
import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { formatNumber } from "../../lib/format";
import { formatZoned } from "../../lib/format-date";
import { hasAbility, useSession } from "../auth/session";
import { RetryPublicationButton } from "../channels/retry-publication-button";
import type { Publication } from "./content-api";

const COLORS: Record<Publication["status"], string> = { pending: "gray", publishing: "blue", published: "green", failed: "red" };

export function PublicationsPanel({ publications, zone }: { publications: Publication[]; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  // Re-sending is a channel manager's call; the server checks it again.
  const canRetry = hasAbility(useSession(), "channels.manage");
  if (publications.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("content.publications.none")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("content.publications.channel")}</Table.Th>
            <Table.Th>{t("content.publications.status")}</Table.Th>
            <Table.Th>{t("content.publications.publishedAt")}</Table.Th>
            <Table.Th>{t("content.publications.engagement")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {publications.map((p) => (
            <Table.Tr key={p.id} data-testid="publication">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {p.channelName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`content.platforms.${p.platform}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[p.status]} variant="light">
                  {t(`content.publications.statuses.${p.status}`)}
                </Badge>
                {p.error && (
                  <Text size="xs" c="red.8" mt={4} style={{ overflowWrap: "anywhere" }}>
                    {p.error}
                  </Text>
                )}
                {p.status === "failed" && canRetry && (
                  <Group mt={4}>
                    <RetryPublicationButton publicationId={p.id} channelName={p.channelName} />
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.publishedAt ? formatZoned(p.publishedAt, zone, { short: true }) : "—"}</Text>
                {p.url && (
                  <Anchor href={p.url} target="_blank" rel="noopener noreferrer" size="xs">
                    {t("content.publications.open")}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {p.engagement && Object.keys(p.engagement).length > 0
                    ? Object.entries(p.engagement)
                        .map(
                          ([key, value]) => `${t(`content.publications.metrics.${key}`, { defaultValue: key })}: ${formatNumber(value, 0)}`,
                        )
                        .join(" · ")
                    : "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
