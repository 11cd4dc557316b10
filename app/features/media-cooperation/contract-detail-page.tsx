/** One contract: terms, eligibility (and override), deliverables against the quota, documents, SPJ. */
import { Alert, Button, Card, Group, Menu, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconChevronDown, IconFileTypePdf, IconFileTypeXls, IconPencil } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CONTRACT_STATUSES } from "../../../common/media-cooperation-enums";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDate, formatDateTime } from "../../lib/format";
import { ContractDocumentsCard } from "./contract-documents-card";
import { ContractEditModal } from "./contract-edit-modal";
import { EligibilityBadge } from "./contracts-page";
import { DeliverablesCard } from "./deliverables-card";
import { EligibilityPanel } from "./eligibility-panel";
import { type ContractView, rupiah, spjUrl, useContract, useSetContractStatus } from "./media-cooperation-api";
import { TermsCard } from "./terms-card";

const route = getRouteApi("/_authed/media-contracts/$contractId");

export function ContractDetailPage() {
  const { contractId } = route.useParams();
  const { t } = useTranslation();
  const query = useContract(contractId);
  return (
    <RecordState query={query} notFoundTitle={t("mediaCooperation.notFound")} notFoundBody={t("mediaCooperation.notFoundBody")}>
      {(contract) => <ContractDetail contract={contract} />}
    </RecordState>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || "—"}</Text>
    </div>
  );
}

function ContractDetail({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const setStatus = useSetContractStatus(c.id);
  const [editing, setEditing] = useState(false);
  const spjQuery = { fiscalYear: c.fiscalYear, outletId: c.outletId, organizationId: c.organizationId };

  const changeStatus = async (status: ContractView["status"]) => {
    const ok = await confirm({
      title: t("mediaCooperation.changeStatusTitle", { status: t(`mediaCooperation.statuses.${status}`) }),
      message: t("mediaCooperation.changeStatusBody"),
      confirmLabel: t(`mediaCooperation.statusActions.${status}`),
    });
    if (!ok) return;
    try {
      await setStatus.mutateAsync(status);
      notifySuccess(t("mediaCooperation.statusChanged"));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={`${c.outletName} · ${c.number}`}
        description={c.title}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/media-contracts" leftSection={<IconArrowLeft size={16} />}>
              {t("mediaCooperation.title")}
            </Button>
            <Button variant="default" component="a" href={spjUrl("pdf", spjQuery)} leftSection={<IconFileTypePdf size={16} />}>
              {t("mediaCooperation.spjPdf")}
            </Button>
            <Button variant="default" component="a" href={spjUrl("xlsx", spjQuery)} leftSection={<IconFileTypeXls size={16} />}>
              {t("mediaCooperation.spjXlsx")}
            </Button>
            {/* The server refuses corrections once a contract is closed, so the button is not offered then. */}
            {c.can.manage && c.status === "aktif" && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t("mediaCooperation.edit")}
              </Button>
            )}
            {c.can.manage && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button rightSection={<IconChevronDown size={14} />} loading={setStatus.isPending}>
                    {t("mediaCooperation.changeStatus")}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {CONTRACT_STATUSES.filter((s) => s !== c.status).map((s) => (
                    <Menu.Item key={s} onClick={() => void changeStatus(s)}>
                      {t(`mediaCooperation.statusActions.${s}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <Card withBorder>
          <Group gap="xs" mb="sm">
            <Text fw={600}>{t(`mediaCooperation.statuses.${c.status}`)}</Text>
            <EligibilityBadge eligible={c.eligible} overridden={c.overridden} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Field label={t("mediaCooperation.organization")} value={c.organizationName} />
            <Field label={t("mediaCooperation.fiscalYear")} value={String(c.fiscalYear)} />
            <Field label={t("mediaCooperation.form")} value={`${c.formLabel} (${t(`mediaCooperation.categories.${c.formCategory}`)})`} />
            <Field label={t("mediaCooperation.period")} value={`${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}`} />
            <Field label={t("mediaCooperation.value")} value={rupiah(c.valueRupiah)} />
            <Field label={t("mediaCooperation.paid")} value={rupiah(c.paidRupiah)} />
            <Field label={t("mediaCooperation.budgetLine")} value={c.budgetLine} />
            <Field label={t("mediaCooperation.journalists")} value={c.journalists.map((j) => j.name).join(", ")} />
          </SimpleGrid>
          <Text size="sm" mt="md">
            {t("mediaCooperation.deliveredOf", { delivered: c.delivered, quota: c.quota })}
          </Text>
          <Progress value={c.quota ? (100 * c.delivered) / c.quota : 0} mt={4} aria-hidden />
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack>
            <EligibilityPanel check={c.eligibility} title={t("mediaCooperation.eligibilityAtCreation")} />
            {c.override && (
              <Alert color="orange" title={t("mediaCooperation.overrideTitle")}>
                <Text size="sm">{c.override.reason}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t("mediaCooperation.overrideBy", { name: c.override.byName ?? "—", at: formatDateTime(c.override.at) })}
                </Text>
              </Alert>
            )}
          </Stack>
          <TermsCard contract={c} />
        </SimpleGrid>
        <DeliverablesCard contract={c} />
        <ContractDocumentsCard contract={c} />
      </Stack>
      {editing && <ContractEditModal contract={c} onClose={() => setEditing(false)} />}
    </>
  );
}
