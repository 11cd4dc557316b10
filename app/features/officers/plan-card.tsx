/** Rencana hasil kerja: targets per work-result type for a year, next to what was approved. */
import { Badge, Button, Group, Paper, Progress, Select, Table, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../components/query-state";
import { allowed } from "../../lib/format";
import { usePlan } from "./plan-api";
import { PlanModal } from "./plan-modal";

export function PlanCard({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const plan = usePlan(officerId, year);
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t("officers.plan.title")}
        </Title>
        <Group gap="xs">
          <Select
            aria-label={t("officers.plan.year")}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={100}
          />
          {plan.data && allowed(plan.data.can, "edit") && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t("officers.plan.edit")}
            </Button>
          )}
        </Group>
      </Group>
      {plan.isLoading && <LoadingState />}
      {plan.isError && <ErrorState error={plan.error} onRetry={() => plan.refetch()} />}
      {plan.data && plan.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("officers.plan.empty", { year })}
        </Text>
      )}
      {plan.data && plan.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("officers.plan.type")}</Table.Th>
                <Table.Th ta="right">{t("officers.plan.target")}</Table.Th>
                <Table.Th ta="right">{t("officers.plan.realized")}</Table.Th>
                <Table.Th w={160}>{t("officers.plan.progress")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.data.items.map((i) => (
                <Table.Tr key={i.hasilKerjaTypeId} data-testid="plan-item">
                  <Table.Td>
                    <Text size="sm">
                      <Badge variant="outline" size="sm" mr={6}>
                        {i.code}
                      </Badge>
                      {i.name}
                    </Text>
                    {i.note && (
                      <Text size="xs" c="dimmed">
                        {i.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{i.target}</Table.Td>
                  <Table.Td ta="right">{i.realized}</Table.Td>
                  <Table.Td>
                    <Progress
                      value={Math.min(100, (i.realized / i.target) * 100)}
                      color={i.realized >= i.target ? "teal" : "blue"}
                      aria-label={`${i.realized}/${i.target}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {plan.data && plan.data.unplanned.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("officers.plan.unplanned")}: {plan.data.unplanned.map((u) => `${u.code} (${u.realized})`).join(", ")}
        </Text>
      )}
      {editing && plan.data && <PlanModal officerId={officerId} plan={plan.data} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
