/** "Acara Pers": press events of the user's scope by date, with search, kind/status filters and a date range. */
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconCalendarEvent, IconMapPin, IconPlus } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PRESS_EVENT_KINDS, PRESS_EVENT_STATUSES } from "../../../common/press-events-enums";
import type { TimeZoneCode } from "../../../common/roles";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { formatZoned } from "../../lib/format-date";
import { hasAbility, useSession } from "../auth/session";
import { PressEventFormModal } from "./press-event-form-modal";
import { PAGE_SIZE, type PressEventFilters, type PressEventSummary, usePressEvents } from "./press-events-api";

const route = getRouteApi("/_authed/press-events");
export type PressEventsSearch = PressEventFilters;

export const STATUS_COLOR: Record<string, string> = { draft: "gray", invited: "blue", held: "green", cancelled: "red" };

export function PressEventsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const list = usePressEvents(search);
  const setFilters = (patch: Partial<PressEventsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const filtered = !!(search.q || search.kind || search.status || search.from || search.to);

  return (
    <>
      <PageHeader
        title={t("pressEvents.title")}
        description={t("pressEvents.description")}
        actions={
          hasAbility(session, "pressEvents.manage") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("pressEvents.create")}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("pressEvents.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("pressEvents.kind")}
          data={PRESS_EVENT_KINDS.map((v) => ({ value: v, label: t(`pressEvents.kinds.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as PressEventsSearch["kind"]) ?? undefined })}
          w={190}
        />
        <Select
          label={t("pressEvents.status")}
          data={PRESS_EVENT_STATUSES.map((v) => ({ value: v, label: t(`pressEvents.statuses.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.status ?? null}
          onChange={(v) => setFilters({ status: (v as PressEventsSearch["status"]) ?? undefined })}
          w={170}
        />
        <TextInput
          type="date"
          label={t("pressEvents.from")}
          value={search.from ?? ""}
          onChange={(e) => setFilters({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t("pressEvents.to")}
          value={search.to ?? ""}
          onChange={(e) => setFilters({ to: e.currentTarget.value || undefined })}
        />
        <Select
          label={t("pressEvents.sort")}
          data={[
            { value: "-starts", label: t("pressEvents.sortNewest") },
            { value: "starts", label: t("pressEvents.sortOldest") },
          ]}
          allowDeselect={false}
          value={search.sort ?? "-starts"}
          onChange={(v) => setFilters({ sort: v === "starts" ? "starts" : undefined })}
          w={170}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("pressEvents.noMatches") : t("pressEvents.empty")}
          description={filtered ? t("common.tryOtherSearch") : t("pressEvents.emptyHint")}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {creating && <PressEventFormModal opened onClose={() => setCreating(false)} />}
    </>
  );
}

function EventCard({ event }: { event: PressEventSummary }) {
  const { t } = useTranslation();
  const zone = event.timeZone as TimeZoneCode;
  return (
    <Card withBorder padding="sm" component={Link} to={`/press-events/${event.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light">{t(`pressEvents.kinds.${event.kind}`)}</Badge>
            <Badge color={STATUS_COLOR[event.status]}>{t(`pressEvents.statuses.${event.status}`)}</Badge>
          </Group>
          <Text fw={600}>{event.title}</Text>
          <Group gap="md">
            <Group gap={4}>
              <IconCalendarEvent size={14} />
              <Text size="sm">{formatZoned(event.startsAt, zone)}</Text>
            </Group>
            <Group gap={4}>
              <IconMapPin size={14} />
              <Text size="sm" c="dimmed" lineClamp={1}>
                {event.placeAddress}
              </Text>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {event.organizationName}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text size="sm">{t("pressEvents.countsShort", { invited: event.counts.invited, hadir: event.counts.hadir })}</Text>
          <Text size="sm" c="dimmed">
            {t("pressEvents.checkedInShort", { count: event.counts.checkedIn })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
