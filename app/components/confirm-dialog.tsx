/** The confirmation modal itself, loaded on the first `confirm()` (see confirm-provider.tsx). */
import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ConfirmOptions } from "./confirm-provider";

export type ConfirmDialogProps = { options: ConfirmOptions | null; onClose: (ok: boolean) => void };

export function ConfirmDialog({ options, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={options !== null} onClose={() => onClose(false)} title={options?.title} centered>
      <Text size="sm">{options?.message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => onClose(false)}>
          {t("common.cancel")}
        </Button>
        <Button color={options?.danger ? "red" : undefined} onClick={() => onClose(true)} data-autofocus>
          {options?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
