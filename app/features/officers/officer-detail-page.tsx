/** One Pranata Humas: profile, angka kredit progress, career history and predikat kinerja. */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconFileDescription, IconPencil, IconPlayerPlay, IconPower } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import dayjs from "dayjs";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { JENJANG_INFO } from "../../../common/pranata-humas";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed, formatDate, formatNumber } from "../../lib/format";
import { OfficerReportModal } from "../reports/officer-report-modal";
import { AkCard } from "./ak-card";
import { CareerTimeline } from "./career-timeline";
import { jenjangName } from "./labels";
import { OfficerStatusBadge } from "./officer-badges";
import { type OfficerDrawerState, OfficerFormDrawer } from "./officer-form-drawer";
import { OfficerPhoto } from "./officer-photo";
import { type OfficerAction, type OfficerView, useOfficer, useOfficerAction } from "./officers-api";
import { PlanCard } from "./plan-card";
import { RatingsCard } from "./ratings-card";

const route = getRouteApi("/_authed/officers/$officerId");

export function OfficerDetailPage() {
  const { t } = useTranslation();
  const { officerId } = route.useParams();
  const officer = useOfficer(officerId);

  return (
    <Stack>
      <Anchor component={Link} to="/officers" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t("officers.backToList")}
        </Group>
      </Anchor>
      <RecordState query={officer} notFoundTitle={t("officers.notFound")} notFoundBody={t("officers.notFoundBody")}>
        {(data) => <OfficerDetail officer={data} />}
      </RecordState>
    </Stack>
  );
}

function OfficerDetail({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const action = useOfficerAction(officer.id);
  const [drawer, setDrawer] = useState<OfficerDrawerState>(null);
  const [reportOpen, setReportOpen] = useState(false);

  const run = async (kind: OfficerAction) => {
    const deactivate = kind === "deactivate";
    const ok = await confirm({
      title: deactivate ? t("officers.deactivateTitle") : t("officers.reactivateTitle"),
      message: t(deactivate ? "officers.deactivateBody" : "officers.reactivateBody", { name: officer.name }),
      confirmLabel: deactivate ? t("officers.deactivate") : t("officers.reactivate"),
      danger: deactivate,
    });
    if (!ok) return;
    action.mutate(kind, {
      onSuccess: () => notifySuccess(t(`officers.done.${kind}`)),
      onError: (error) => handleApiError(error),
    });
  };
  const canToggle = allowed(officer.can, "deactivate");

  return (
    <>
      <PageHeader
        title={officer.name}
        description={`${t("officers.nip")} ${officer.nip} · ${officer.organizationName}`}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileDescription size={16} />}
              onClick={() => setReportOpen(true)}
              data-testid="officer-report"
            >
              {t("reports.officerButton")}
            </Button>
            {allowed(officer.can, "update") && (
              <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setDrawer({ mode: "edit", officer })}>
                {t("officers.edit")}
              </Button>
            )}
            {canToggle && officer.active && (
              <Button color="red" variant="light" leftSection={<IconPower size={16} />} onClick={() => void run("deactivate")}>
                {t("officers.deactivate")}
              </Button>
            )}
            {canToggle && !officer.active && (
              <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => void run("reactivate")}>
                {t("officers.reactivate")}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ProfileCard officer={officer} />
        <AkCard officer={officer} />
      </SimpleGrid>
      <PlanCard officerId={officer.id} />
      <RatingsCard officer={officer} />
      <CareerTimeline officer={officer} />
      <OfficerFormDrawer state={drawer} onClose={() => setDrawer(null)} />
      <OfficerReportModal officerId={officer.id} opened={reportOpen} onClose={() => setReportOpen(false)} />
    </>
  );
}

function ProfileCard({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  const info = JENJANG_INFO[officer.jenjang];
  return (
    <Paper withBorder p="md" radius="md" data-testid="officer-profile">
      <OfficerPhoto officer={officer} />
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {t("officers.profile")}
        </Title>
        <Group gap={6}>
          <Badge variant="outline" style={{ textTransform: "none" }}>
            {t(`kategori.${info.kategori}`)}
          </Badge>
          <OfficerStatusBadge active={officer.active} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={t("officers.jenjang")} value={jenjangName(officer.jenjang)} />
        <Fact label={t("officers.golongan")} value={officer.golongan} />
        <Fact label={t("officers.tmtJabatan")} value={formatDate(officer.tmtJabatan)} />
        <Fact label={t("officers.tmtPangkat")} value={formatDate(officer.tmtPangkat)} />
        <Fact label={t("officers.birthDate")} value={formatDate(officer.birthDate)} />
        <Fact label={t("officers.tmtCpns")} value={dayjs(`${officer.tmtCpns}-01`).format("MMMM YYYY")} />
        <Fact label={t("officers.sex")} value={t(`sex.${officer.sex}`)} />
        <Fact label={t("officers.organization")} value={officer.organizationName} />
        <Fact label={t("officers.supervisor")} value={officer.supervisorName ?? "—"} />
        <Fact label={t("officers.account")} value={officer.userName ?? t("officers.noAccount")} />
        <Fact label={t("officers.education")} value={officer.education ?? "—"} />
        <Fact label={t("officers.email")} value={officer.email ?? "—"} />
        <Fact label={t("officers.phone")} value={officer.phone ?? "—"} />
        <Fact label={t("officers.akAwal")} value={formatNumber(officer.akAwal)} />
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof value === "string" ? (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {value}
        </Text>
      ) : (
        value
      )}
    </Stack>
  );
}
