/** "Isu": the board of open issues across the agencies in scope (kanban by status) and a filtered list. */
import { Button, Card, Checkbox, Group, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ISSUE_SEVERITIES, ISSUE_STATUSES, type IssueSeverity, type IssueStatus } from "../../../common/monitoring-alert-enums";
import { ListPagination } from "../../components/list-pagination";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { hasAbility, useSession } from "../auth/session";
import { type IssueView, PAGE_SIZE, useIssues } from "./issues-api";
import { type IssueSource, NewIssueModal } from "./new-issue-modal";
import { SeverityBadge, SlaBadge } from "./sla-badge";

const route = getRouteApi("/_authed/monitoring/issues");
export type IssuesSearch = {
  view?: "list";
  q?: string;
  status?: IssueStatus;
  severity?: IssueSeverity;
  organizationId?: string;
  breached?: "true";
  page?: number;
  fromAlert?: string;
  fromArticle?: string;
  fromCluster?: string;
};

export function IssuesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const canManage = hasAbility(session, "issues.manage");
  const setFilters = (patch: Partial<IssuesSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  // A "Buat isu" link followed by someone who may not create issues just shows the board.
  const fromSource: IssueSource | null =
    canManage && (search.fromAlert || search.fromArticle || search.fromCluster)
      ? { alertId: search.fromAlert, articleId: search.fromArticle, clusterId: search.fromCluster }
      : null;
  const closeModal = () => {
    setCreating(false);
    if (fromSource) setFilters({ fromAlert: undefined, fromArticle: undefined, fromCluster: undefined });
  };
  const board = search.view !== "list";
  const filters = {
    q: search.q,
    severity: search.severity,
    organizationId: search.organizationId,
    breached: search.breached,
    ...(board ? { open: "true" } : { status: search.status, page: search.page }),
  };
  const list = useIssues(filters, board ? 100 : PAGE_SIZE);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("issues.title")}
        description={t("issues.description")}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("issues.new")}
            </Button>
          )
        }
      />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={board ? "board" : "list"}
          onChange={(v) => setFilters({ view: v === "list" ? "list" : undefined })}
          data={[
            { value: "board", label: t("issues.board") },
            { value: "list", label: t("issues.list") },
          ]}
        />
        <SearchInput label={t("issues.search")} value={search.q} onSearch={(q) => setFilters({ q })} />
        <OrganizationSelect
          label={t("issues.organization")}
          value={search.organizationId ?? null}
          onChange={(v) => setFilters({ organizationId: v ?? undefined })}
          w={260}
        />
        <Select
          label={t("issues.severity")}
          data={ISSUE_SEVERITIES.map((v) => ({ value: v, label: t(`issues.severities.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={search.severity ?? null}
          onChange={(v) => setFilters({ severity: (v as IssueSeverity) ?? undefined })}
          w={140}
        />
        {!board && (
          <Select
            label={t("issues.status")}
            data={ISSUE_STATUSES.map((v) => ({ value: v, label: t(`issues.statuses.${v}`) }))}
            clearable
            placeholder={t("common.all")}
            value={search.status ?? null}
            onChange={(v) => setFilters({ status: (v as IssueStatus) ?? undefined })}
            w={200}
          />
        )}
        <Checkbox
          mb={8}
          label={t("issues.breachedOnly")}
          checked={search.breached === "true"}
          onChange={(e) => setFilters({ breached: e.currentTarget.checked ? "true" : undefined })}
        />
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("issues.empty")} description={t("issues.emptyHint")} />
      ) : board ? (
        <ScrollArea>
          <SimpleGrid cols={4} miw={900} spacing="sm">
            {ISSUE_STATUSES.filter((s) => s !== "selesai").map((status) => (
              <Stack key={status} gap="xs">
                <Title order={5}>
                  {t(`issues.statuses.${status}`)} ({items.filter((i) => i.status === status).length})
                </Title>
                {items
                  .filter((i) => i.status === status)
                  .map((i) => (
                    <IssueCard key={i.id} issue={i} />
                  ))}
              </Stack>
            ))}
          </SimpleGrid>
        </ScrollArea>
      ) : (
        <Stack gap="xs">
          {items.map((i) => (
            <IssueCard key={i.id} issue={i} />
          ))}
          <ListPagination
            page={search.page ?? 1}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </Stack>
      )}
      {(creating || fromSource) && <NewIssueModal source={fromSource} onClose={closeModal} />}
    </>
  );
}

function IssueCard({ issue: i }: { issue: IssueView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component={Link} to={`/monitoring/issues/${i.id}`}>
      <Stack gap={4}>
        <Group gap={4}>
          <SeverityBadge severity={i.severity} />
          <SlaBadge issue={i} />
        </Group>
        <Text fw={600} lineClamp={2}>
          {i.title}
        </Text>
        <Text size="xs" c="dimmed">
          {[i.organizationName, i.assignee?.name ?? t("issues.unassigned"), t(`issues.statuses.${i.status}`)].join(" · ")}
        </Text>
      </Stack>
    </Card>
  );
}
