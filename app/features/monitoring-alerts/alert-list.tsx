/** The live list of alerts: filters, pagination, explanation, acknowledge, "Buat isu". */
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { IconBolt, IconCheck } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ALERT_RULE_KINDS } from "../../../common/monitoring-alert-enums";
import { ListPagination } from "../../components/list-pagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { handleApiError } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { hasAbility, useSession } from "../auth/session";
import { AlertExplanation } from "./alert-explanation";
import { type AlertEventView, PAGE_SIZE, useAcknowledge, useAlerts } from "./alerts-api";

export function AlertList({ live }: { live: AlertEventView[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const list = useAlerts({ q, kind: kind ?? undefined, unacknowledged: open ? "true" : undefined, page });
  const items = list.data?.items ?? [];
  const fresh = new Set(live.map((a) => a.id));
  const canCreateIssue = hasAbility(useSession(), "issues.manage");
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SearchInput
          label={t("alerts.search")}
          value={q}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          label={t("alerts.kind")}
          data={ALERT_RULE_KINDS.map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
          clearable
          placeholder={t("common.all")}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          w={240}
        />
        <Checkbox
          mb={8}
          label={t("alerts.unacknowledgedOnly")}
          checked={open}
          onChange={(e) => {
            setOpen(e.currentTarget.checked);
            setPage(1);
          }}
        />
        <Badge color="teal" variant="dot" mb={8}>
          {t("alerts.liveBadge")}
        </Badge>
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("alerts.empty")} description={t("alerts.emptyHint")} />
      ) : (
        <>
          {items.map((a) => (
            <AlertCard key={a.id} alert={a} fresh={fresh.has(a.id)} canCreateIssue={canCreateIssue} />
          ))}
          <ListPagination page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function AlertCard({ alert: a, fresh, canCreateIssue }: { alert: AlertEventView; fresh: boolean; canCreateIssue: boolean }) {
  const { t } = useTranslation();
  const ack = useAcknowledge();
  const navigate = useNavigate();
  return (
    <Card withBorder radius="md" padding="sm" style={fresh ? { borderColor: "var(--mantine-color-orange-5)" } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <IconBolt size={16} aria-hidden />
            <Badge variant="light" color={a.kind.includes("spike") ? "orange" : a.kind === "hoax_match" ? "grape" : "red"}>
              {t(`alerts.kinds.${a.kind}`)}
            </Badge>
            {a.critical && <Badge color="red">{t("alerts.critical")}</Badge>}
            {a.held && <Badge color="gray">{t("alerts.held", { time: formatDateTime(a.heldUntil) })}</Badge>}
            {fresh && <Badge color="orange">{t("alerts.new")}</Badge>}
          </Group>
          <Text fw={600}>
            {a.url ? (
              <Anchor href={a.url} target="_blank" rel="noreferrer">
                {a.title}
              </Anchor>
            ) : (
              a.title
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {a.summary}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              a.ruleName,
              a.organizationName,
              formatDateTime(a.createdAt),
              a.deliveries.map((d) => `${t(`alerts.channels.${d.channel}`)}: ${t(`alerts.delivery.${d.status}`)}`).join(", "),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {a.explanation && <AlertExplanation explanation={a.explanation} />}
        </Stack>
        <Stack gap={6} align="flex-end">
          {canCreateIssue && (
            <Button size="xs" variant="light" onClick={() => void navigate({ to: "/monitoring/issues", search: { fromAlert: a.id } })}>
              {t("alerts.createIssue")}
            </Button>
          )}
          {a.acknowledgedAt ? (
            <Text size="xs" c="teal">
              {t("alerts.acknowledged")}
            </Text>
          ) : (
            a.can.acknowledge && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconCheck size={14} />}
                loading={ack.isPending}
                onClick={() => ack.mutate(a.id, { onError: (e) => handleApiError(e) })}
              >
                {t("alerts.acknowledge")}
              </Button>
            )
          )}
        </Stack>
      </Group>
    </Card>
  );
}
