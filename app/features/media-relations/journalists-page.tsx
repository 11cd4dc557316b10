/** "Wartawan": journalists of the user's scope with filters by outlet, role, beat, UKW and region. */
import { Badge, Button, Card, Group, Menu, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconDownload, IconFileImport, IconPlus, IconUser } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { JOURNALIST_ROLES, UKW_LEVELS } from "../../../common/media-relations-enums";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { JournalistFormModal } from "./journalist-form-modal";
import { JournalistImportModal } from "./journalist-import-modal";
import { type JournalistSummary, journalistExportUrl, PAGE_SIZE, useJournalists } from "./media-relations-api";
import { OutletSelect } from "./outlet-select";

const route = getRouteApi("/_authed/journalists");
export type JournalistsSearch = {
  q?: string;
  outletId?: string;
  role?: (typeof JOURNALIST_ROLES)[number];
  beat?: string;
  ukwLevel?: (typeof UKW_LEVELS)[number];
  regionCode?: string;
  page?: number;
};

export function JournalistsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const canManage = hasAbility(session, "mediaRelations.manage");
  const list = useJournalists(search);
  const setFilters = (patch: Partial<JournalistsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const items = list.data?.items ?? [];
  const filtered = !!(search.q || search.outletId || search.role || search.beat || search.ukwLevel || search.regionCode);

  return (
    <>
      <PageHeader
        title={t("mediaRelations.journalistsTitle")}
        description={t("mediaRelations.journalistsDescription")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/media-outlets">
              {t("mediaRelations.outletsTitle")}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />}>
                  {t("mediaRelations.export")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(["xlsx", "csv"] as const).map((format) => (
                  <Menu.Item key={format} component="a" href={journalistExportUrl(format, search)} download>
                    {format.toUpperCase()}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {canManage && (
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                {t("mediaRelations.import.button")}
              </Button>
            )}
            {canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t("mediaRelations.addJournalist")}
              </Button>
            )}
          </Group>
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("mediaRelations.searchJournalist")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <OutletSelect
          label={t("mediaRelations.outlet")}
          value={search.outletId ?? null}
          onChange={(v) => setFilters({ outletId: v ?? undefined })}
          w={220}
        />
        <Select
          label={t("mediaRelations.role")}
          data={JOURNALIST_ROLES.map((v) => ({ value: v, label: t(`mediaRelations.roles.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.role ?? null}
          onChange={(v) => setFilters({ role: (v as JournalistsSearch["role"]) ?? undefined })}
          w={180}
        />
        <Select
          label={t("mediaRelations.ukwLevel")}
          data={UKW_LEVELS.map((v) => ({ value: v, label: t(`mediaRelations.ukw.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.ukwLevel ?? null}
          onChange={(v) => setFilters({ ukwLevel: (v as JournalistsSearch["ukwLevel"]) ?? undefined })}
          w={130}
        />
        <TextInput
          label={t("mediaRelations.beat")}
          defaultValue={search.beat ?? ""}
          onBlur={(e) => setFilters({ beat: e.currentTarget.value.trim() || undefined })}
          w={150}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("mediaRelations.noMatches") : t("mediaRelations.noJournalists")}
          description={filtered ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((j) => (
              <JournalistCard key={j.id} journalist={j} />
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            totalCapped={list.data?.totalCapped}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {creating && <JournalistFormModal opened onClose={() => setCreating(false)} />}
      {importing && <JournalistImportModal opened onClose={() => setImporting(false)} />}
    </>
  );
}

function JournalistCard({ journalist: j }: { journalist: JournalistSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/journalists/${j.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconUser size={22} stroke={1.5} aria-hidden />
          <Stack gap={2}>
            <Text fw={600} c={j.erased ? "dimmed" : undefined}>
              {j.name}
            </Text>
            <Text size="sm" c="dimmed">
              {j.memberships.map((m) => `${t(`mediaRelations.roles.${m.role}`)} ${m.outletName}`).join(", ") || j.organizationName}
            </Text>
            {j.beats.length > 0 && <Text size="xs">{j.beats.join(", ")}</Text>}
          </Stack>
        </Group>
        <Group gap={6}>
          {j.ukwLevel && (
            <Badge variant="light" color="teal">
              {t("mediaRelations.ukwBadge", { level: t(`mediaRelations.ukw.${j.ukwLevel}`) })}
            </Badge>
          )}
          {j.erased && <Badge color="gray">{t("mediaRelations.erased")}</Badge>}
        </Group>
      </Group>
    </Card>
  );
}
