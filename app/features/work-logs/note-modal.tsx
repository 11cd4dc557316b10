/** A modal asking for a required note: returning an entry (note) or re-opening it (reason). */
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface NoteModalProps {
  opened: boolean;
  title: string;
  label: string;
  description?: string;
  confirmLabel: string;
  minLength?: number;
  loading?: boolean;
  onClose: () => void;
  onConfirm: (note: string) => void;
}

export function NoteModal({ opened, onClose, ...rest }: NoteModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.title} centered>
      {/* Keyed by opening so every opening starts empty. */}
      {opened && <NoteForm onClose={onClose} {...rest} />}
    </Modal>
  );
}

function NoteForm({
  label,
  description,
  confirmLabel,
  minLength = 1,
  loading,
  onClose,
  onConfirm,
}: Omit<NoteModalProps, "opened" | "title">) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const value = note.trim();
    if (!value) return setError(t("validation.required"));
    if (value.length < minLength) return setError(t("validation.tooShort", { min: minLength }));
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
          required
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
          <Button type="submit" color="orange" loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
