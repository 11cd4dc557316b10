/** The workflow buttons of an item, each shown only when the server's `can` map allows it. */
import { Button, Group } from "@mantine/core";
import { IconArchive, IconArrowBackUp, IconCalendarTime, IconCalendarX, IconCheck, IconEdit, IconSend } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { isApiError } from "../../api/client";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type ContentView, useWorkflowAction, type WorkflowAction } from "./content-api";
import { NoteDialog } from "./note-dialog";
import { ScheduleModal } from "./schedule-modal";

export function WorkflowActions({
  item,
  zone,
  onRefused,
}: {
  item: ContentView;
  zone: TimeZoneCode;
  /** Submit refused with the fields still missing (400 `fields`). */
  onRefused: (fields: string[]) => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const workflow = useWorkflowAction();
  const [modal, setModal] = useState<null | "approve" | "return" | "schedule">(null);
  const can = item.can;

  const run = (action: WorkflowAction, note?: string) =>
    workflow.mutate(
      { id: item.id, action, note },
      {
        onSuccess: () => {
          notifySuccess(t(`content.done.${action}`));
          setModal(null);
          onRefused([]);
        },
        onError: (error) => {
          if (action === "submit" && isApiError(error) && Object.keys(error.fields).length > 0) onRefused(Object.keys(error.fields));
          handleApiError(error);
        },
      },
    );
  const pending = (action: WorkflowAction) => workflow.isPending && workflow.variables?.action === action;

  return (
    <>
      <Group gap="xs" wrap="wrap">
        {can.edit && (
          <Button component={Link} to={`/content/${item.id}/edit`} variant="default" leftSection={<IconEdit size={16} />}>
            {t("content.actions.edit")}
          </Button>
        )}
        {can.submit && (
          <Button leftSection={<IconSend size={16} />} loading={pending("submit")} onClick={() => run("submit")}>
            {t("content.actions.submit")}
          </Button>
        )}
        {can.approve && (
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => setModal("approve")}>
            {t("content.actions.approve")}
          </Button>
        )}
        {can.return && (
          <Button color="orange" variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setModal("return")}>
            {t("content.actions.return")}
          </Button>
        )}
        {can.schedule && (
          <Button color="violet" leftSection={<IconCalendarTime size={16} />} onClick={() => setModal("schedule")}>
            {t("content.actions.schedule")}
          </Button>
        )}
        {can.unschedule && (
          <Button
            variant="default"
            leftSection={<IconCalendarX size={16} />}
            loading={pending("unschedule")}
            onClick={async () => {
              const ok = await confirm({
                title: t("content.confirmUnschedule.title"),
                message: t("content.confirmUnschedule.message"),
                confirmLabel: t("content.actions.unschedule"),
              });
              if (ok) run("unschedule");
            }}
          >
            {t("content.actions.unschedule")}
          </Button>
        )}
        {can.archive && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconArchive size={16} />}
            loading={pending("archive")}
            onClick={async () => {
              const ok = await confirm({
                title: t("content.confirmArchive.title"),
                message: t("content.confirmArchive.message", { title: item.title }),
                confirmLabel: t("content.actions.archive"),
                danger: true,
              });
              if (ok) run("archive");
            }}
          >
            {t("content.actions.archive")}
          </Button>
        )}
      </Group>
      <NoteDialog
        opened={modal === "approve"}
        title={t("content.approveDialog.title")}
        label={t("content.approveDialog.note")}
        description={t("content.approveDialog.hint")}
        confirmLabel={t("content.actions.approve")}
        color="teal"
        loading={pending("approve")}
        onClose={() => setModal(null)}
        onConfirm={(note) => run("approve", note || undefined)}
      />
      <NoteDialog
        opened={modal === "return"}
        title={t("content.returnDialog.title")}
        label={t("content.returnDialog.note")}
        description={t("content.returnDialog.hint")}
        confirmLabel={t("content.actions.return")}
        color="orange"
        minLength={3}
        loading={pending("return")}
        onClose={() => setModal(null)}
        onConfirm={(note) => run("return", note)}
      />
      <ScheduleModal item={item} zone={zone} opened={modal === "schedule"} onClose={() => setModal(null)} />
    </>
  );
}
