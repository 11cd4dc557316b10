/** Edits the whole plan of one year: rows of work-result type, target and note. */
import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useHasilKerjaTypes } from "../catalogue/catalogue-api";
import { type PlanView, useSavePlan } from "./plan-api";

interface Row {
  /** A stable React key: rows are added and removed anywhere in the list. */
  key: string;
  hasilKerjaTypeId: string | null;
  target: number | string;
  note: string;
}

export function PlanModal({ officerId, plan, onClose }: { officerId: string; plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const types = useHasilKerjaTypes();
  const save = useSavePlan(officerId, plan.year);
  const [rows, setRows] = useState<Row[]>(
    plan.items.length
      ? plan.items.map((i) => ({ key: crypto.randomUUID(), hasilKerjaTypeId: i.hasilKerjaTypeId, target: i.target, note: i.note ?? "" }))
      : [{ key: crypto.randomUUID(), hasilKerjaTypeId: null, target: 1, note: "" }],
  );
  const [error, setError] = useState<string | null>(null);
  const options = (types.data?.items ?? []).filter((ty) => ty.active).map((ty) => ({ value: ty.id, label: `${ty.code} — ${ty.name}` }));
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = () => {
    const filled = rows.filter((r) => r.hasilKerjaTypeId);
    const ids = filled.map((r) => r.hasilKerjaTypeId);
    if (new Set(ids).size !== ids.length) return setError(t("officers.plan.duplicate"));
    if (filled.some((r) => !Number.isInteger(Number(r.target)) || Number(r.target) < 1)) return setError(t("officers.plan.targetInvalid"));
    setError(null);
    save.mutate(
      {
        items: filled.map((r) => ({
          hasilKerjaTypeId: r.hasilKerjaTypeId as string,
          target: Number(r.target),
          note: r.note.trim() || null,
        })),
      },
      {
        onSuccess: () => {
          notifySuccess(t("officers.plan.saved"));
          onClose();
        },
        onError: (err) => handleApiError(err),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("officers.plan.editTitle", { year: plan.year })} size="lg">
      <Stack>
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-end" wrap="wrap" gap="xs" data-testid="plan-row">
            <Select
              label={t("officers.plan.type")}
              data={options}
              searchable
              value={r.hasilKerjaTypeId}
              onChange={(v) => set(i, { hasilKerjaTypeId: v })}
              style={{ flex: 3, minWidth: 220 }}
            />
            <NumberInput
              label={t("officers.plan.target")}
              min={1}
              max={1000}
              value={r.target}
              onChange={(v) => set(i, { target: v })}
              w={110}
            />
            <TextInput
              label={t("officers.plan.note")}
              value={r.note}
              onChange={(e) => set(i, { note: e.currentTarget.value })}
              style={{ flex: 2, minWidth: 160 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("officers.plan.removeRow")}
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setRows((rs) => [...rs, { key: crypto.randomUUID(), hasilKerjaTypeId: null, target: 1, note: "" }])}
          w="fit-content"
        >
          {t("officers.plan.addRow")}
        </Button>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t("officers.plan.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
