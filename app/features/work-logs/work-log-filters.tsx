/** Status tabs, date range and title search of the work-log list; all kept in the URL. */
import { SimpleGrid, Stack, Tabs, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WORK_LOG_STATUSES } from "../../../common/schemas/work-logs";
import type { WorkLogFilters, WorkLogStatus } from "./work-logs-api";

export function WorkLogFiltersBar({ filters, onChange }: { filters: WorkLogFilters; onChange: (patch: Partial<WorkLogFilters>) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(filters.q ?? "");
  const search = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 300);

  return (
    <Stack gap="sm" mb="md">
      <Tabs
        variant="pills"
        value={filters.status ?? "all"}
        onChange={(value) => onChange({ status: value && value !== "all" ? (value as WorkLogStatus) : undefined })}
      >
        <Tabs.List aria-label={t("workLogs.filterStatus")}>
          <Tabs.Tab value="all">{t("common.all")}</Tabs.Tab>
          {WORK_LOG_STATUSES.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`workLogs.status.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("workLogs.search")}
          placeholder={t("workLogs.searchPlaceholder")}
          leftSection={<IconSearch size={16} />}
          value={query}
          maxLength={100}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t("workLogs.from")}
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t("workLogs.to")}
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
          />
        </SimpleGrid>
      </SimpleGrid>
    </Stack>
  );
}
