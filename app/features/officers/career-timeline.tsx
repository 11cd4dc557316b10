/** Riwayat karier: jenjang, pangkat and placement changes, newest first, with their TMT dates. */
import { Paper, Text, Timeline, Title } from "@mantine/core";
import { IconArrowUpRight, IconBuildingCommunity, IconStairsUp } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { useOrganizations } from "../organizations/organizations-api";
import { jenjangName } from "./labels";
import type { OfficerView } from "./officers-api";

type CareerEvent = OfficerView["career"][number];
const ICONS = { jenjang: IconStairsUp, pangkat: IconArrowUpRight, organization: IconBuildingCommunity };

export function CareerTimeline({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  // Placement events carry organization ids; names come from the (cached) organization list.
  const organizations = useOrganizations({ includeInactive: true });
  const orgName = useMemo(() => {
    const names = new Map((organizations.data?.items ?? []).map((o) => [o.id, o.name]));
    return (id: string | null) =>
      id ? (names.get(id) ?? (id === officer.organizationId ? officer.organizationName : t("officers.career.otherOrg"))) : null;
  }, [organizations.data, officer.organizationId, officer.organizationName, t]);

  const events = [...officer.career].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.createdAt.localeCompare(a.createdAt),
  );
  const value = (e: CareerEvent, v: string | null) =>
    e.kind === "jenjang" ? (v ? jenjangName(v) : null) : e.kind === "organization" ? orgName(v) : v;

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="md">
        {t("officers.career.title")}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("officers.career.empty")}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={events.length}>
          {events.map((e) => {
            const Icon = ICONS[e.kind];
            const from = value(e, e.fromValue);
            const to = value(e, e.toValue);
            return (
              <Timeline.Item key={e.id} bullet={<Icon size={14} />} title={t(`officers.career.kind.${e.kind}`)} data-testid="career-event">
                <Text size="sm">{from ? t("officers.career.change", { from, to }) : t("officers.career.start", { to })}</Text>
                <Text size="xs" c="dimmed">
                  {t("officers.career.tmt", { date: formatDate(e.effectiveDate) })}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
