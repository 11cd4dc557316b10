/** One campaign: key messages and hashtags to copy, the asset pack, and adoption per agency. */
import { ActionIcon, Anchor, Badge, Button, Card, CopyButton, Group, Image, SimpleGrid, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconDownload, IconFile, IconPencil, IconPlayerStop } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { CampaignAdoption } from "./campaign-adoption";
import { CampaignFormModal } from "./campaign-form-modal";
import { formatPeriod } from "./campaign-format";
import { type CampaignView, campaignReportXlsxUrl, useCampaign, useDeactivateCampaign } from "./campaigns-api";

const route = getRouteApi("/_authed/campaigns/$campaignId");

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const campaign = useCampaign(campaignId);
  return (
    <RecordState query={campaign} notFoundTitle={t("campaigns.notFound")} notFoundBody={t("campaigns.notFoundBody")}>
      {(data) => <CampaignDetail campaign={data} />}
    </RecordState>
  );
}

function Copy({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t("campaigns.copied") : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? "teal" : "gray"} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function CampaignDetail({ campaign: c }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const deactivate = useDeactivateCampaign();
  const [editing, setEditing] = useState(false);

  const stop = async () => {
    const ok = await confirm({
      title: t("campaigns.deactivateTitle"),
      message: t("campaigns.deactivateBody", { name: c.name }),
      confirmLabel: t("campaigns.deactivate"),
      danger: true,
    });
    if (ok) deactivate.mutate(c.id, { onSuccess: () => notifySuccess(t("campaigns.deactivated")), onError: (e) => handleApiError(e) });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={c.name}
        description={`${c.organization.name} · ${formatPeriod(c.startsOn, c.endsOn)}`}
        actions={
          <>
            <Badge color={c.active ? "teal" : "gray"} variant="light" size="lg">
              {c.active ? t("campaigns.active") : t("campaigns.inactive")}
            </Badge>
            <Button component="a" href={campaignReportXlsxUrl(c.id)} variant="default" leftSection={<IconDownload size={16} />}>
              {t("campaigns.exportXlsx")}
            </Button>
            {c.can.manage && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t("campaigns.edit")}
              </Button>
            )}
            {c.can.manage && c.active && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={16} />}
                onClick={() => void stop()}
                loading={deactivate.isPending}
              >
                {t("campaigns.deactivate")}
              </Button>
            )}
          </>
        }
      />
      {c.description && <Text style={{ whiteSpace: "pre-wrap" }}>{c.description}</Text>}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md">
          <Title order={4} mb="xs">
            {t("campaigns.keyMessages")}
          </Title>
          {c.keyMessages.length === 0 ? (
            <Text c="dimmed" size="sm">
              —
            </Text>
          ) : (
            <Stack gap={6}>
              {c.keyMessages.map((m) => (
                <Group key={m} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{m}</Text>
                  <Copy value={m} label={t("campaigns.copyMessage")} />
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t("campaigns.hashtags")}</Title>
            {c.hashtags.length > 0 && <Copy value={c.hashtags.join(" ")} label={t("campaigns.copyAllHashtags")} />}
          </Group>
          <Group gap="xs">
            {c.hashtags.length === 0 && (
              <Text c="dimmed" size="sm">
                —
              </Text>
            )}
            {c.hashtags.map((h) => (
              <Group key={h} gap={0}>
                <Badge variant="light" tt="none">
                  {h}
                </Badge>
                <Copy value={h} label={t("campaigns.copyHashtag", { tag: h })} />
              </Group>
            ))}
          </Group>
        </Card>
      </SimpleGrid>

      <Card withBorder radius="md">
        <Title order={4} mb="xs">
          {t("campaigns.assets")}
        </Title>
        {c.assets.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("campaigns.noAssets")}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 4, md: 6 }}>
            {c.assets.map((a) => (
              <Anchor key={a.id} href={a.fileUrl} target="_blank" rel="noopener" underline="never">
                <Stack gap={4}>
                  {a.thumbUrl ? (
                    <Image src={a.thumbUrl} alt={a.caption || a.fileName} radius="sm" h={96} fit="cover" />
                  ) : (
                    <Group h={96} justify="center" bg="gray.1" style={{ borderRadius: 4 }}>
                      <IconFile size={32} stroke={1.3} aria-hidden />
                    </Group>
                  )}
                  <Text size="xs" truncate>
                    {a.fileName}
                  </Text>
                </Stack>
              </Anchor>
            ))}
          </SimpleGrid>
        )}
      </Card>

      <CampaignAdoption campaignId={c.id} />
      {editing && <CampaignFormModal opened campaign={c} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
