/** Warns before leaving the editor with unsaved changes: in-app navigation and tab close/reload. */
import { Button, Group, Modal, Text } from "@mantine/core";
import { useBlocker } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

export function useLeaveGuard(isDirty: () => boolean) {
  const { t } = useTranslation();
  // Set just before a deliberate navigation (after a save) so it is not blocked.
  const allowed = useRef(false);
  const blocker = useBlocker({
    shouldBlockFn: () => !allowed.current && isDirty(),
    enableBeforeUnload: () => !allowed.current && isDirty(),
    withResolver: true,
  });
  const dialog = (
    <Modal opened={blocker.status === "blocked"} onClose={() => blocker.reset?.()} title={t("content.leave.title")} centered>
      <Text size="sm">{t("content.leave.message")}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t("content.leave.stay")}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t("content.leave.leave")}
        </Button>
      </Group>
    </Modal>
  );
  const allowLeave = () => {
    allowed.current = true;
  };
  return { dialog, allowLeave };
}
