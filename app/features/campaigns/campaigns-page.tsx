/** "Kampanye": the narratives the user can see, filters in the URL, "Buat kampanye" for coordinators. */
import { Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconSpeakerphone } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { CampaignFormModal } from "./campaign-form-modal";
import { formatPeriod } from "./campaign-format";
import { CAMPAIGNS_PAGE_SIZE, type CampaignFilters, type CampaignSummary, useCampaigns } from "./campaigns-api";

const route = getRouteApi("/_authed/campaigns");

export function CampaignsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useCampaigns(search);
  const setFilters = (patch: Partial<CampaignFilters>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const filtered = !!(search.q || search.active || search.period);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("campaigns.title")}
        description={t("campaigns.description")}
        actions={
          hasAbility(session, "campaigns.manage") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("campaigns.create")}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SearchInput label={t("campaigns.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t("campaigns.status")}
          data={[
            { value: "true", label: t("campaigns.active") },
            { value: "false", label: t("campaigns.inactive") },
          ]}
          clearable
          placeholder={t("common.all")}
          value={search.active ?? null}
          onChange={(v) => setFilters({ active: (v as "true" | "false" | null) ?? undefined })}
          w={160}
        />
        <SegmentedControl
          aria-label={t("campaigns.period")}
          value={search.period ?? "all"}
          onChange={(v) => setFilters({ period: v === "all" ? undefined : (v as CampaignFilters["period"]) })}
          data={[
            { value: "all", label: t("common.all") },
            { value: "current", label: t("campaigns.periods.current") },
            { value: "upcoming", label: t("campaigns.periods.upcoming") },
            { value: "past", label: t("campaigns.periods.past") },
          ]}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={filtered ? t("campaigns.noMatches") : t("campaigns.empty")}
          description={filtered ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={CAMPAIGNS_PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {creating && <CampaignFormModal opened onClose={() => setCreating(false)} />}
    </>
  );
}

function CampaignCard({ campaign: c }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/campaigns/${c.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconSpeakerphone size={22} stroke={1.5} aria-hidden />
          <Stack gap={2}>
            <Text fw={600}>{c.name}</Text>
            <Text size="sm" c="dimmed">
              {c.organization.name} · {formatPeriod(c.startsOn, c.endsOn)}
            </Text>
            {c.hashtags.length > 0 && (
              <Text size="sm" c="blue">
                {c.hashtags.join(" ")}
              </Text>
            )}
          </Stack>
        </Group>
        <Stack gap={4} align="flex-end">
          <Badge color={c.active ? "teal" : "gray"} variant="light">
            {c.active ? t("campaigns.active") : t("campaigns.inactive")}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("campaigns.assignedCount", { count: c.assignedCount })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
