/** Coverage an event earned: links added by hand (media monitoring adds its own, marked as such). */
import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { useConfirm } from "../../components/confirm-provider";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned, fromZonedInput } from "../../lib/format-date";
import { OutletSelect } from "../media-relations/outlet-select";
import { type PressEventView, useAddCoverage, useCoverage, useRemoveCoverage } from "./press-events-api";

export function CoveragePanel({ event }: { event: PressEventView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const coverage = useCoverage(event.id);
  const add = useAddCoverage(event.id);
  const remove = useRemoveCoverage(event.id);
  const zone = event.timeZone as TimeZoneCode;
  const form = useForm({ initialValues: { url: "", title: "", outletId: null as string | null, publishedAt: "" } });

  const submit = form.onSubmit(async (v) => {
    const publishedAt = fromZonedInput(v.publishedAt, zone);
    if (!publishedAt) return form.setFieldError("publishedAt", t("validation.required"));
    try {
      await add.mutateAsync({ url: v.url.trim(), title: v.title, outletId: v.outletId, publishedAt });
      notifySuccess(t("pressEvents.coverage.added"));
      form.reset();
    } catch (err) {
      handleApiError(err, form);
    }
  });
  const drop = async (id: string, title: string) => {
    if (
      !(await confirm({
        title: t("pressEvents.coverage.removeTitle"),
        message: title,
        confirmLabel: t("pressEvents.remove"),
        danger: true,
      }))
    )
      return;
    try {
      await remove.mutateAsync(id);
    } catch (err) {
      handleApiError(err);
    }
  };

  if (coverage.isLoading) return <LoadingState />;
  if (coverage.isError || !coverage.data) return <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const items = coverage.data.items;
  return (
    <Stack>
      {event.can.manage && (
        <Card withBorder>
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t("pressEvents.coverage.url")}
                placeholder="https://…"
                required
                style={{ flex: 2, minWidth: 220 }}
                {...form.getInputProps("url")}
              />
              <TextInput
                label={t("pressEvents.coverage.title")}
                required
                style={{ flex: 2, minWidth: 220 }}
                {...form.getInputProps("title")}
              />
              <OutletSelect label={t("pressEvents.guests.outlet")} w={200} {...form.getInputProps("outletId")} />
              <TextInput
                type="datetime-local"
                label={t("pressEvents.coverage.publishedAt", { zone })}
                required
                {...form.getInputProps("publishedAt")}
              />
              <Button type="submit" loading={add.isPending}>
                {t("pressEvents.coverage.add")}
              </Button>
            </Group>
          </form>
        </Card>
      )}
      {items.length === 0 ? (
        <EmptyState title={t("pressEvents.coverage.empty")} description={t("pressEvents.coverage.emptyHint")} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("pressEvents.coverage.title")}</Table.Th>
              <Table.Th>{t("pressEvents.guests.outlet")}</Table.Th>
              <Table.Th>{t("pressEvents.coverage.publishedAt", { zone })}</Table.Th>
              <Table.Th>{t("pressEvents.coverage.source")}</Table.Th>
              {event.can.manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor href={c.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.outletName ?? "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatZoned(c.publishedAt, zone, { short: true })}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.source === "monitoring" ? "grape" : "gray"}>
                    {t(`pressEvents.coverage.sources.${c.source}`)}
                  </Badge>
                </Table.Td>
                {event.can.manage && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t("pressEvents.remove")} onClick={() => void drop(c.id, c.title)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
