/**
 * "Distribusikan" on a published item: choose contact lists, preview the email, send, and follow
 * each send's progress per recipient; plus the WhatsApp-ready text to copy into groups.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconBrandWhatsapp, IconCheck, IconCopy, IconEye, IconMail, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned } from "../../lib/format-date";
import { hasAbility, useSession } from "../auth/session";
import { type DistributionPreview, type SendInput, useContactLists, usePreviewSend, useSend, useWhatsappText } from "./distribution-api";
import { DistributionHistory } from "./distribution-history";

function PreviewModal({ preview, onClose }: { preview: DistributionPreview; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("distribution.send.previewTitle")} size="xl">
      <Stack gap="xs">
        <Text size="sm">
          <b>{t("distribution.send.from")}:</b> {preview.from}
        </Text>
        <Text size="sm">
          <b>{t("distribution.send.replyTo")}:</b> {preview.replyTo ?? "—"}
        </Text>
        <Text size="sm">
          <b>{t("distribution.send.subject")}:</b> {preview.subject}
        </Text>
        <Text size="sm">
          <b>{t("distribution.send.attachments")}:</b>{" "}
          {preview.attachments.length
            ? preview.attachments.map((a) => `${a.fileName} (${Math.ceil(a.sizeBytes / 1024)} KB)`).join(", ")
            : t("distribution.send.noAttachments")}
        </Text>
        {/* The email as recipients see it; sandboxed: no script, no navigation. */}
        <iframe
          title={t("distribution.send.previewTitle")}
          sandbox=""
          srcDoc={preview.html}
          style={{ width: "100%", height: 480, border: "1px solid #ddd" }}
        />
      </Stack>
    </Modal>
  );
}

function SendForm({ contentId, onSent }: { contentId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const lists = useContactLists({}, 100);
  const [listIds, setListIds] = useState<string[]>([]);
  const [subject, setSubject] = useState("");
  const [replyTo, setReplyTo] = useState("");
  const [attachPhotos, setAttachPhotos] = useState(true);
  const [shown, setShown] = useState<DistributionPreview | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preview = usePreviewSend();
  const send = useSend();
  const input = (): SendInput => ({
    contentId,
    listIds,
    attachPhotos,
    ...(subject.trim() ? { subject: subject.trim() } : {}),
    ...(replyTo.trim() ? { replyTo: replyTo.trim() } : {}),
  });
  const options = (lists.data?.items ?? []).map((l) => ({
    value: l.id,
    label: `${l.name} (${t("distribution.lists.recipients", { count: l.eligible })})`,
  }));

  const onPreview = () => {
    if (!listIds.length) return setErrors({ listIds: t("distribution.send.chooseList") });
    setErrors({});
    preview.mutate(input(), { onSuccess: setShown, onError: (e) => handleApiError(e, { setErrors }) });
  };
  const onSend = async () => {
    if (!listIds.length) return setErrors({ listIds: t("distribution.send.chooseList") });
    setErrors({});
    let p: DistributionPreview;
    try {
      p = await preview.mutateAsync(input());
    } catch (e) {
      return handleApiError(e, { setErrors });
    }
    const ok = await confirm({
      title: t("distribution.send.confirmTitle"),
      message: t("distribution.send.confirmMessage", { count: p.recipients - p.unsubscribed, skipped: p.unsubscribed }),
      confirmLabel: t("distribution.send.send"),
    });
    if (!ok) return;
    send.mutate(input(), {
      onSuccess: () => {
        notifySuccess(t("distribution.send.started"));
        setListIds([]);
        onSent();
      },
      onError: (e) => handleApiError(e, { setErrors }),
    });
  };

  return (
    <Stack gap="sm">
      <MultiSelect
        label={t("distribution.send.lists")}
        placeholder={t("distribution.send.listsPlaceholder")}
        data={options}
        value={listIds}
        onChange={setListIds}
        searchable
        error={errors.listIds}
        nothingFoundMessage={t("distribution.lists.empty")}
      />
      <TextInput
        label={t("distribution.send.subject")}
        description={t("distribution.send.subjectHint")}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={errors.subject}
      />
      <TextInput
        label={t("distribution.send.replyTo")}
        description={t("distribution.send.replyToHint")}
        type="email"
        value={replyTo}
        onChange={(e) => setReplyTo(e.currentTarget.value)}
        error={errors.replyTo}
      />
      <Checkbox
        label={t("distribution.send.attachPhotos")}
        checked={attachPhotos}
        onChange={(e) => setAttachPhotos(e.currentTarget.checked)}
      />
      {errors.contentId && <Alert color="red">{errors.contentId}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconEye size={16} />} onClick={onPreview} loading={preview.isPending && !send.isPending}>
          {t("distribution.send.preview")}
        </Button>
        <Button leftSection={<IconSend size={16} />} onClick={() => void onSend()} loading={send.isPending}>
          {t("distribution.send.send")}
        </Button>
      </Group>
      {shown && <PreviewModal preview={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}

function WhatsappPanel({ contentId, zone }: { contentId: string; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const wa = useWhatsappText(contentId);
  if (wa.isLoading) return <Text c="dimmed">{t("common.loading")}</Text>;
  if (!wa.data) return <Text c="red">{t("distribution.whatsapp.error")}</Text>;
  return (
    <Stack gap="sm">
      {wa.data.embargoUntil && (
        <Alert color="orange" variant="light">
          {t("distribution.whatsapp.embargo", { until: formatZoned(wa.data.embargoUntil, zone) })}
        </Alert>
      )}
      <Textarea label={t("distribution.whatsapp.label")} value={wa.data.text} readOnly autosize minRows={6} />
      <Group justify="flex-end">
        <CopyButton value={wa.data.text}>
          {({ copied, copy }) => (
            <Button
              color={copied ? "teal" : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? t("distribution.whatsapp.copied") : t("distribution.whatsapp.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function DistributionPanel({ contentId, zone }: { contentId: string; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  // The server decides again on send (403); this only hides a form the user could not use.
  const canSend = hasAbility(useSession(), "mediaRelations.manage");
  const [tab, setTab] = useState<string | null>(canSend ? "email" : "history");
  return (
    <Card withBorder radius="md" component="section" aria-label={t("distribution.panel.title")}>
      <Title order={4} mb="sm">
        {t("distribution.panel.title")}
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {canSend && (
            <Tabs.Tab value="email" leftSection={<IconMail size={16} />}>
              {t("distribution.panel.email")}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="history" leftSection={<IconSend size={16} />}>
            {t("distribution.panel.history")}
          </Tabs.Tab>
          <Tabs.Tab value="whatsapp" leftSection={<IconBrandWhatsapp size={16} />}>
            {t("distribution.panel.whatsapp")}
          </Tabs.Tab>
        </Tabs.List>
        {canSend && (
          <Tabs.Panel value="email">
            <SendForm contentId={contentId} onSent={() => setTab("history")} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <DistributionHistory contentId={contentId} zone={zone} />
        </Tabs.Panel>
        <Tabs.Panel value="whatsapp">
          <WhatsappPanel contentId={contentId} zone={zone} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
