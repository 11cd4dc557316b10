/** Approve (linking or creating the journalist record) and reject (with a reason) an application. */
import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useJournalists } from "../media-relations/media-relations-api";
import { type MediaRoomAccountView, useApproveAccount, useRejectAccount } from "./media-room-api";

export function ApproveModal({ account, onClose }: { account: MediaRoomAccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const approve = useApproveAccount();
  const [mode, setMode] = useState<"create" | "link" | "none">("create");
  const [q, setQ] = useState(account.name);
  const [journalistId, setJournalistId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choices = useJournalists({ q: q || undefined });

  const submit = async () => {
    if (mode === "link" && !journalistId) {
      setError(t("mediaRoom.approve.pickJournalist"));
      return;
    }
    try {
      await approve.mutateAsync({
        id: account.id,
        journalistId: mode === "link" ? journalistId : undefined,
        createJournalist: mode === "create" ? true : undefined,
      });
      notifySuccess(t("mediaRoom.approve.done", { name: account.name }));
      onClose();
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("mediaRoom.approve.title", { name: account.name })}>
      <Stack>
        <Text size="sm">{t("mediaRoom.approve.help")}</Text>
        <Radio.Group label={t("mediaRoom.approve.record")} value={mode} onChange={(v) => setMode(v as typeof mode)}>
          <Stack gap="xs" mt="xs">
            <Radio value="create" label={t("mediaRoom.approve.create")} />
            <Radio value="link" label={t("mediaRoom.approve.link")} />
            <Radio value="none" label={t("mediaRoom.approve.none")} />
          </Stack>
        </Radio.Group>
        {mode === "link" && (
          <Select
            label={t("mediaRoom.approve.journalist")}
            searchable
            searchValue={q}
            onSearchChange={setQ}
            data={(choices.data?.items ?? []).map((j) => ({ value: j.id, label: `${j.name} · ${j.organizationName}` }))}
            value={journalistId}
            onChange={(v) => {
              setJournalistId(v);
              setError(null);
            }}
            nothingFoundMessage={t("mediaRoom.approve.noJournalist")}
            error={error}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={() => void submit()} loading={approve.isPending}>
            {t("mediaRoom.actions.approve")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RejectModal({ account, onClose }: { account: MediaRoomAccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const reject = useRejectAccount();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (reason.trim().length < 3) {
      setError(t("mediaRoom.reject.reasonRequired"));
      return;
    }
    try {
      await reject.mutateAsync({ id: account.id, reason: reason.trim() });
      notifySuccess(t("mediaRoom.reject.done", { name: account.name }));
      onClose();
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("mediaRoom.reject.title", { name: account.name })}>
      <Stack>
        <Textarea
          label={t("mediaRoom.reject.reason")}
          description={t("mediaRoom.reject.reasonHelp")}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          maxLength={500}
          autosize
          minRows={3}
          error={error}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={reject.isPending}>
            {t("mediaRoom.actions.reject")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
