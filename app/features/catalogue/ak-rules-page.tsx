/**
 * Aturan angka kredit: per jenjang the koefisien and thresholds over time, and the predikat
 * percentages. A rule applies from its date; the one in force today is marked.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import dayjs from "dayjs";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { JENJANG, PREDIKAT } from "../../../common/pranata-humas";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { allowed, formatDate, formatNumber } from "../../lib/format";
import { jenjangName } from "../officers/labels";
import { JenjangRuleModal, PredikatRuleModal } from "./ak-rule-modals";
import { useAkRules } from "./catalogue-api";

/** Rules of one key, newest first, with the id of the one in force today. */
function byKey<T extends { id: string; effectiveFrom: string }>(rules: T[], keyOf: (r: T) => string, key: string) {
  const today = dayjs().format("YYYY-MM-DD");
  const rows = rules.filter((r) => keyOf(r) === key).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return { rows, inForce: rows.find((r) => r.effectiveFrom <= today)?.id };
}

export function AkRulesPage() {
  const { t } = useTranslation();
  const rules = useAkRules();
  const [adding, setAdding] = useState<"jenjang" | "predikat" | null>(null);
  const canManage = allowed(rules.data?.can, "manage");

  const status = (id: string, inForce: string | undefined, effectiveFrom: string) =>
    id === inForce ? (
      <Badge color="teal" variant="light" style={{ minWidth: "max-content" }}>
        {t("akRules.inForce")}
      </Badge>
    ) : effectiveFrom > dayjs().format("YYYY-MM-DD") ? (
      <Badge color="blue" variant="light" style={{ minWidth: "max-content" }}>
        {t("akRules.upcoming")}
      </Badge>
    ) : (
      <Badge color="gray" variant="light" style={{ minWidth: "max-content" }}>
        {t("akRules.superseded")}
      </Badge>
    );

  return (
    <>
      <PageHeader title={t("akRules.title")} description={t("akRules.description")} />
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
        {t("akRules.note")}
      </Alert>
      {rules.isLoading ? (
        <LoadingState />
      ) : rules.isError || !rules.data ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="sm" gap="xs">
              <Title order={3} size="h4">
                {t("akRules.jenjangTitle")}
              </Title>
              {canManage && (
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding("jenjang")}>
                  {t("akRules.addJenjang")}
                </Button>
              )}
            </Group>
            {rules.data.jenjang.length === 0 ? (
              <EmptyState title={t("akRules.empty")} />
            ) : (
              <Table.ScrollContainer minWidth={720} type="native">
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("akRules.jenjang")}</Table.Th>
                      <Table.Th ta="right">{t("akRules.koefisien")}</Table.Th>
                      <Table.Th ta="right">{t("akRules.akNextPangkat")}</Table.Th>
                      <Table.Th ta="right">{t("akRules.akNextJenjang")}</Table.Th>
                      <Table.Th>{t("akRules.effectiveFrom")}</Table.Th>
                      <Table.Th>{t("akRules.status")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {JENJANG.map((j) => {
                      const { rows, inForce } = byKey(rules.data.jenjang, (r) => r.jenjang, j);
                      return (
                        <Fragment key={j}>
                          {rows.map((r, i) => (
                            <Table.Tr key={r.id} data-testid="jenjang-rule-row">
                              <Table.Td fw={i === 0 ? 600 : undefined} c={i === 0 ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                                {jenjangName(r.jenjang)}
                              </Table.Td>
                              <Table.Td ta="right">{formatNumber(r.koefisien)}</Table.Td>
                              <Table.Td ta="right">{formatNumber(r.akNextPangkat)}</Table.Td>
                              <Table.Td ta="right">{r.akNextJenjang === null ? "—" : formatNumber(r.akNextJenjang)}</Table.Td>
                              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.effectiveFrom)}</Table.Td>
                              <Table.Td>{status(r.id, inForce, r.effectiveFrom)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t("akRules.koefisienHelp")}
            </Text>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="sm" gap="xs">
              <Title order={3} size="h4">
                {t("akRules.predikatTitle")}
              </Title>
              {canManage && (
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding("predikat")}>
                  {t("akRules.addPredikat")}
                </Button>
              )}
            </Group>
            {rules.data.predikat.length === 0 ? (
              <EmptyState title={t("akRules.empty")} />
            ) : (
              <Table.ScrollContainer minWidth={520} type="native">
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("akRules.predikat")}</Table.Th>
                      <Table.Th ta="right">{t("akRules.percent")}</Table.Th>
                      <Table.Th>{t("akRules.effectiveFrom")}</Table.Th>
                      <Table.Th>{t("akRules.status")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {PREDIKAT.map((p) => {
                      const { rows, inForce } = byKey(rules.data.predikat, (r) => r.predikat, p);
                      return (
                        <Fragment key={p}>
                          {rows.map((r, i) => (
                            <Table.Tr key={r.id} data-testid="predikat-rule-row">
                              <Table.Td fw={i === 0 ? 600 : undefined} c={i === 0 ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                                {t(`predikat.${r.predikat}`)}
                              </Table.Td>
                              <Table.Td ta="right">{formatNumber(r.percent, Number.isInteger(r.percent) ? 0 : 2)} %</Table.Td>
                              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.effectiveFrom)}</Table.Td>
                              <Table.Td>{status(r.id, inForce, r.effectiveFrom)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </Stack>
      )}
      {canManage && (
        <>
          <JenjangRuleModal opened={adding === "jenjang"} onClose={() => setAdding(null)} />
          <PredikatRuleModal opened={adding === "predikat"} onClose={() => setAdding(null)} />
        </>
      )}
    </>
  );
}
