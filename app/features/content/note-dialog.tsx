/** A modal asking for a note before a workflow step: optional when approving, required when returning. */
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface NoteDialogProps {
  opened: boolean;
  title: string;
  label: string;
  description?: string;
  confirmLabel: string;
  color?: string;
  /** Required notes must have at least this many characters; 0 makes the note optional. */
  minLength?: number;
  loading?: boolean;
  onClose: () => void;
  onConfirm: (note: string) => void;
}

export function NoteDialog({ opened, onClose, title, ...rest }: NoteDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {/* Mounted per opening so every opening starts empty. */}
      {opened && <NoteForm onClose={onClose} {...rest} />}
    </Modal>
  );
}

function NoteForm({
  label,
  description,
  confirmLabel,
  color,
  minLength = 0,
  loading,
  onClose,
  onConfirm,
}: Omit<NoteDialogProps, "opened" | "title">) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const value = note.trim();
    if (minLength > 0 && !value) return setError(t("validation.required"));
    if (minLength > 0 && value.length < minLength) return setError(t("validation.tooShort", { min: minLength }));
    onConfirm(value);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        <Textarea
          label={label}
          required={minLength > 0}
          withAsterisk={false}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={note}
          error={error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color={color} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
