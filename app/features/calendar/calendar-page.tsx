/** "Kalender": scheduled and published content across the agencies the user sees; month/week/list and iCal export. */
import { ActionIcon, Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDown, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CalendarMode, formatDayLabel, rangeOf, step, todayLocal } from "../../../common/calendar-days";
import { CALENDAR_STATUSES } from "../../../common/schemas/campaigns";
import { CONTENT_TYPES } from "../../../common/schemas/content";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { ErrorState, LoadingState } from "../../components/query-state";
import { useCampaignChoices } from "../campaigns/campaigns-api";
import { type CalendarFilters, calendarIcsUrl, useCalendar } from "./calendar-api";
import { STATUS_COLORS } from "./calendar-entry";
import { byDay, DayList, MonthGrid, WeekColumns } from "./calendar-views";

const route = getRouteApi("/_authed/calendar");

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mode: CalendarMode = search.view ?? "month";
  const anchor = search.date ?? todayLocal();
  const range = rangeOf(mode, anchor);
  const filters: CalendarFilters = {
    organizationId: search.organizationId,
    type: search.type,
    status: search.status,
    campaignId: search.campaignId,
  };
  const calendar = useCalendar(range, filters);
  const campaigns = useCampaignChoices();
  const [shownDay, setShownDay] = useState<string | null>(null);

  const set = (patch: Record<string, string | undefined>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const title =
    mode === "week"
      ? `${formatDayLabel(range.from, i18n.language, { day: "numeric", month: "short" })} – ${formatDayLabel(range.to, i18n.language, { day: "numeric", month: "short", year: "numeric" })}`
      : formatDayLabel(anchor, i18n.language, { month: "long", year: "numeric" });
  const entries = calendar.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.description")}
        actions={
          <Button component="a" href={calendarIcsUrl(range, filters)} variant="default" leftSection={<IconCalendarDown size={16} />}>
            {t("calendar.exportIcal")}
          </Button>
        }
      />
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" onClick={() => set({ date: step(mode, anchor, -1) })} aria-label={t("calendar.previous")}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Button variant="default" onClick={() => set({ date: undefined })}>
            {t("calendar.today")}
          </Button>
          <ActionIcon variant="default" size="lg" onClick={() => set({ date: step(mode, anchor, 1) })} aria-label={t("calendar.next")}>
            <IconChevronRight size={18} />
          </ActionIcon>
          <Title order={3} ml="xs" tt="capitalize">
            {title}
          </Title>
        </Group>
        <SegmentedControl
          value={mode}
          onChange={(v) => set({ view: v === "month" ? undefined : v })}
          data={(["month", "week", "list"] as const).map((m) => ({ value: m, label: t(`calendar.modes.${m}`) }))}
          aria-label={t("calendar.view")}
        />
      </Group>
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <OrganizationSelect
          label={t("calendar.organization")}
          placeholder={t("common.all")}
          value={search.organizationId ?? null}
          onChange={(v) => set({ organizationId: v ?? undefined })}
          w={260}
        />
        <Select
          label={t("calendar.type")}
          placeholder={t("common.all")}
          clearable
          data={CONTENT_TYPES.map((c) => ({ value: c, label: t(`content.types.${c}`) }))}
          value={search.type ?? null}
          onChange={(v) => set({ type: v ?? undefined })}
          w={200}
        />
        <Select
          label={t("calendar.status")}
          placeholder={t("common.all")}
          clearable
          data={CALENDAR_STATUSES.map((s) => ({ value: s, label: t(`calendar.statuses.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => set({ status: v ?? undefined })}
          w={160}
        />
        <Select
          label={t("calendar.campaign")}
          placeholder={t("common.all")}
          clearable
          searchable
          data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={search.campaignId ?? null}
          onChange={(v) => set({ campaignId: v ?? undefined })}
          w={220}
        />
        <Group gap={8} ml="auto" aria-hidden>
          {CALENDAR_STATUSES.map((s) => (
            <Group key={s} gap={4}>
              <span style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${STATUS_COLORS[s]}-6)` }} />
              <Text size="xs">{t(`calendar.statuses.${s}`)}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      {calendar.data?.truncated && (
        <Alert color="yellow" mb="sm">
          {t("calendar.truncated")}
        </Alert>
      )}
      {calendar.isLoading ? (
        <LoadingState />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : mode === "month" ? (
        <MonthGrid from={range.from} to={range.to} month={anchor.slice(0, 7)} entries={entries} onShowDay={setShownDay} />
      ) : mode === "week" ? (
        <WeekColumns from={range.from} to={range.to} entries={entries} />
      ) : (
        <DayList entries={entries} />
      )}
      <Modal
        opened={shownDay !== null}
        onClose={() => setShownDay(null)}
        title={shownDay ? formatDayLabel(shownDay, i18n.language, { weekday: "long", day: "numeric", month: "long", year: "numeric" }) : ""}
      >
        <Stack gap={4}>{shownDay && <DayList entries={byDay(entries).get(shownDay) ?? []} />}</Stack>
      </Modal>
    </>
  );
}
