/** Likely duplicate outlets (same normalized name or website domain), each with a merge action. */
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type DuplicatePair, useDuplicatePairs, useMergeOutlet } from "./media-relations-api";

export function DuplicatePanel() {
  const { t } = useTranslation();
  const pairs = useDuplicatePairs(true);
  const items = pairs.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconCopy size={18} />} title={t("mediaRelations.duplicatesTitle", { count: items.length })} mb="md">
      <Stack gap="xs">
        {items.map((p) => (
          <DuplicateRow key={`${p.a.id}-${p.b.id}`} pair={p} />
        ))}
      </Stack>
    </Alert>
  );
}

function DuplicateRow({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const merge = useMergeOutlet();
  // Merging moves journalists, documents and reach; the merged outlet stays as a pointer.
  const run = async (from: DuplicatePair["a"], into: DuplicatePair["a"]) => {
    const ok = await confirm({
      title: t("mediaRelations.mergeTitle"),
      message: t("mediaRelations.mergeMessage", { from: from.name, into: into.name }),
      confirmLabel: t("mediaRelations.merge"),
      danger: true,
    });
    if (!ok) return;
    try {
      await merge.mutateAsync({ id: from.id, intoId: into.id });
      notifySuccess(t("mediaRelations.mergedDone", { into: into.name }));
    } catch (err) {
      handleApiError(err);
    }
  };
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Text size="sm">
        {pair.a.name} ↔ {pair.b.name}{" "}
        <Text span c="dimmed" size="xs">
          ({t(`mediaRelations.duplicateReason.${pair.reason}`)} · {pair.a.organizationName})
        </Text>
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="light" loading={merge.isPending} onClick={() => void run(pair.b, pair.a)}>
          {t("mediaRelations.keep", { name: pair.a.name })}
        </Button>
        <Button size="xs" variant="light" loading={merge.isPending} onClick={() => void run(pair.a, pair.b)}>
          {t("mediaRelations.keep", { name: pair.b.name })}
        </Button>
      </Group>
    </Group>
  );
}
