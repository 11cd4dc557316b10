/**
 * One journalist: memberships, UKW, contacts, the consent record, interaction history with
 * "add note", and the UU PDP actions (export everything held; erase on request).
 */
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { IconArrowLeft, IconDownload, IconPencil, IconTrash } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { JournalistFormModal } from "./journalist-form-modal";
import { downloadPersonalData, type JournalistView, useAddNote, useEraseJournalist, useJournalist } from "./media-relations-api";

const route = getRouteApi("/_authed/journalists/$journalistId");

export function JournalistDetailPage() {
  const { t } = useTranslation();
  const { journalistId } = route.useParams();
  const query = useJournalist(journalistId);
  return (
    <RecordState query={query} notFoundTitle={t("mediaRelations.notFound")} notFoundBody={t("mediaRelations.notFoundBody")}>
      {(j) => <JournalistDetail journalist={j} />}
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

function JournalistDetail({ journalist: j }: { journalist: JournalistView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const erase = useEraseJournalist(j.id);
  const [reason, setReason] = useState("");

  const runErase = async () => {
    const ok = await confirm({
      title: t("mediaRelations.eraseTitle"),
      message: t("mediaRelations.eraseMessage", { name: j.name }),
      confirmLabel: t("mediaRelations.erase"),
      danger: true,
    });
    if (!ok) return;
    try {
      await erase.mutateAsync(reason);
      setReason("");
      notifySuccess(t("mediaRelations.erasedDone"));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={j.name}
        description={j.organizationName}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/journalists" leftSection={<IconArrowLeft size={16} />}>
              {t("mediaRelations.journalistsTitle")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => void downloadPersonalData(j.id, j.name).catch((e) => handleApiError(e))}
            >
              {t("mediaRelations.exportPersonalData")}
            </Button>
            {j.can.manage && !j.erased && (
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t("mediaRelations.edit")}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        {j.erased && <Badge color="gray">{t("mediaRelations.erased")}</Badge>}
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field
              label={t("mediaRelations.memberships")}
              value={j.memberships.map((m) => `${t(`mediaRelations.roles.${m.role}`)} · ${m.outletName}`).join(", ")}
            />
            <Field label={t("mediaRelations.beats")} value={j.beats.join(", ")} />
            <Field label={t("mediaRelations.region")} value={j.regionCode} />
            <Field label={t("mediaRelations.ukwLevel")} value={j.ukwLevel ? t(`mediaRelations.ukw.${j.ukwLevel}`) : null} />
            <Field label={t("mediaRelations.ukwCertificateNumber")} value={j.ukwCertificateNumber} />
            <Field label={t("mediaRelations.ukwCertificateDate")} value={j.ukwCertificateDate} />
            <Field label={t("mediaRelations.email")} value={j.email} />
            <Field label={t("mediaRelations.phone")} value={j.phone} />
            <Field label={t("mediaRelations.whatsapp")} value={j.whatsapp} />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t("mediaRelations.consent")}
          </Title>
          {j.consent ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Field label={t("mediaRelations.consentPurpose")} value={j.consent.purpose} />
              <Field label={t("mediaRelations.consentBasis")} value={j.consent.basis} />
              <Field label={t("mediaRelations.consentedAt")} value={new Date(j.consent.consentedAt).toLocaleDateString("id-ID")} />
              <Field label={t("mediaRelations.consentSource")} value={j.consent.source} />
            </SimpleGrid>
          ) : (
            <Text c="dimmed" size="sm">
              {t("mediaRelations.noConsent")}
            </Text>
          )}
        </Card>
        {j.notes && <Field label={t("mediaRelations.notes")} value={j.notes} />}
        <Interactions journalist={j} />
        {j.can.erase && !j.erased && (
          <Card withBorder>
            <Title order={4} mb="xs">
              {t("mediaRelations.eraseTitle")}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t("mediaRelations.eraseHelp")}
            </Text>
            <Group align="flex-end">
              <Textarea
                label={t("mediaRelations.eraseReason")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button
                color="red"
                leftSection={<IconTrash size={16} />}
                disabled={reason.trim().length < 3}
                loading={erase.isPending}
                onClick={() => void runErase()}
              >
                {t("mediaRelations.erase")}
              </Button>
            </Group>
          </Card>
        )}
      </Stack>
      {editing && <JournalistFormModal opened journalist={j} onClose={() => setEditing(false)} />}
    </>
  );
}

function Interactions({ journalist: j }: { journalist: JournalistView }) {
  const { t } = useTranslation();
  const add = useAddNote(j.id);
  const [text, setText] = useState("");
  const send = async () => {
    try {
      await add.mutateAsync({ text });
      setText("");
    } catch (err) {
      handleApiError(err);
    }
  };
  return (
    <>
      <Title order={3}>{t("mediaRelations.interactions")}</Title>
      {j.can.manage && !j.erased && (
        <Group align="flex-end">
          <Textarea label={t("mediaRelations.addNote")} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button disabled={!text.trim()} loading={add.isPending} onClick={() => void send()}>
            {t("common.save")}
          </Button>
        </Group>
      )}
      {j.interactions.length === 0 ? (
        <Text c="dimmed">{t("mediaRelations.noInteractions")}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {j.interactions.map((i) => (
            <Timeline.Item key={i.id} title={`${t(`mediaRelations.interactionKinds.${i.kind}`)} · ${i.occurredOn}`}>
              <Text size="sm">{i.text || t("mediaRelations.erasedText")}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </>
  );
}
