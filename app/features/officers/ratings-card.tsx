/** Predikat kinerja: rated periods with the AK each earns; record or delete when allowed. */
import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Predikat } from "../../../common/pranata-humas";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed, formatMonth, formatNumber } from "../../lib/format";
import { jenjangName } from "./labels";
import { type OfficerView, useDeleteRating } from "./officers-api";
import { RateOfficerModal } from "./rate-officer-modal";

const PREDIKAT_COLOR: Record<Predikat, string> = {
  sangat_baik: "teal",
  baik: "green",
  butuh_perbaikan: "yellow",
  kurang: "orange",
  sangat_kurang: "red",
};

type Rating = OfficerView["ratings"][number];

export function RatingsCard({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const remove = useDeleteRating(officer.id);
  const [rating, setRating] = useState(false);
  const canRate = allowed(officer.can, "rate");
  const ratings = [...officer.ratings].sort((a, b) => b.startMonth.localeCompare(a.startMonth));
  const period = (r: Rating) => `${formatMonth(r.startMonth)} – ${formatMonth(r.endMonth)}`;

  const removeRating = async (r: Rating) => {
    const ok = await confirm({
      title: t("officers.ratings.deleteTitle"),
      message: t("officers.ratings.deleteBody", { period: period(r), predikat: t(`predikat.${r.predikat}`) }),
      confirmLabel: t("officers.ratings.delete"),
      danger: true,
    });
    if (!ok) return;
    remove.mutate(r.id, {
      onSuccess: () => notifySuccess(t("officers.ratings.deleted")),
      onError: (error) => handleApiError(error),
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {t("officers.ratings.title")}
        </Title>
        {canRate && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRating(true)}>
            {t("officers.ratings.rate")}
          </Button>
        )}
      </Group>
      {ratings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("officers.ratings.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("officers.ratings.period")}</Table.Th>
                <Table.Th>{t("officers.jenjang")}</Table.Th>
                <Table.Th>{t("officers.ratings.predikat")}</Table.Th>
                <Table.Th ta="right">{t("officers.ratings.ak")}</Table.Th>
                <Table.Th>{t("officers.ratings.note")}</Table.Th>
                {canRate && <Table.Th w={50} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ratings.map((r) => (
                <Table.Tr key={r.id} data-testid="rating-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{period(r)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{jenjangName(r.jenjang)}</Table.Td>
                  <Table.Td>
                    <Badge color={PREDIKAT_COLOR[r.predikat]} variant="light" style={{ minWidth: "max-content" }}>
                      {t(`predikat.${r.predikat}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {formatNumber(r.ak)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.note ? undefined : "dimmed"}>
                      {r.note ?? "—"}
                    </Text>
                  </Table.Td>
                  {canRate && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("officers.ratings.deleteFor", { period: period(r) })}
                        onClick={() => void removeRating(r)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canRate && <RateOfficerModal officer={officer} opened={rating} onClose={() => setRating(false)} />}
    </Paper>
  );
}
