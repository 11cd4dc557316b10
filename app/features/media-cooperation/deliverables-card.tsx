/** Proof of publication: the list against the quota, and the add form (link and/or clipping, screenshot). */
import { Anchor, Button, Card, FileInput, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { type ContractView, deliverableFileUrl, useAddDeliverable, useRemoveDeliverable } from "./media-cooperation-api";
import { PickupSuggestions } from "./pickup-suggestions";

const EMPTY = { title: "", publishedOn: "", link: "" };

export function DeliverablesCard({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const add = useAddDeliverable(c.id);
  const remove = useRemoveDeliverable(c.id);
  const [fields, setFields] = useState(EMPTY);
  const [clipping, setClipping] = useState<File | null>(null);
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const full = c.delivered >= c.quota;
  const open = c.can.manage && c.status === "aktif";

  const send = async () => {
    // Text fields first, files after: the server reads the parts in order.
    const form = new FormData();
    form.append("title", fields.title);
    form.append("publishedOn", fields.publishedOn);
    if (fields.link.trim()) form.append("link", fields.link.trim());
    if (clipping) form.append("clipping", clipping);
    if (screenshot) form.append("screenshot", screenshot);
    setErrors({});
    try {
      await add.mutateAsync(form);
      setFields(EMPTY);
      setClipping(null);
      setScreenshot(null);
      notifySuccess(t("mediaCooperation.deliverableAdded"));
    } catch (err) {
      if (isApiError(err)) setErrors(err.fields);
      handleApiError(err);
    }
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t("mediaCooperation.deliverables")}</Text>
        <Text size="sm" c={full ? "teal" : "dimmed"}>
          {t("mediaCooperation.deliveredOf", { delivered: c.delivered, quota: c.quota })}
        </Text>
      </Group>
      {c.deliverables.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("mediaCooperation.noDeliverables")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mediaCooperation.publishedOn")}</Table.Th>
                <Table.Th>{t("mediaCooperation.deliverableTitle")}</Table.Th>
                <Table.Th>{t("mediaCooperation.proof")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.deliverables.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDate(d.publishedOn)}</Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {d.link && (
                        <Anchor href={d.link} target="_blank" rel="noreferrer noopener" size="sm">
                          {t("mediaCooperation.link")}
                        </Anchor>
                      )}
                      {d.hasClipping && (
                        <Anchor href={deliverableFileUrl(c.id, d.id, "clipping")} target="_blank" rel="noreferrer" size="sm">
                          {t("mediaCooperation.clipping")}
                        </Anchor>
                      )}
                      {d.hasScreenshot && (
                        <Anchor href={deliverableFileUrl(c.id, d.id, "screenshot")} target="_blank" rel="noreferrer" size="sm">
                          {t("mediaCooperation.screenshot")}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {open && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={async () => {
                          const ok = await confirm({
                            title: t("mediaCooperation.removeDeliverable"),
                            message: d.title,
                            confirmLabel: t("mediaCooperation.remove"),
                            danger: true,
                          });
                          if (ok) remove.mutate(d.id, { onError: (e) => handleApiError(e) });
                        }}
                      >
                        {t("mediaCooperation.remove")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && !full && (
        <Stack gap="sm" mt="md">
          <Text fw={500} size="sm">
            {t("mediaCooperation.addDeliverable")}
          </Text>
          <PickupSuggestions contract={c} onUse={(choice) => setFields(choice)} />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t("mediaCooperation.deliverableTitle")}
              required
              value={fields.title}
              error={errors.title}
              onChange={(e) => setFields({ ...fields, title: e.currentTarget.value })}
              w={300}
            />
            <TextInput
              type="date"
              label={t("mediaCooperation.publishedOn")}
              required
              value={fields.publishedOn}
              error={errors.publishedOn}
              onChange={(e) => setFields({ ...fields, publishedOn: e.currentTarget.value })}
            />
            <TextInput
              type="url"
              label={t("mediaCooperation.link")}
              placeholder="https://"
              value={fields.link}
              error={errors.link}
              onChange={(e) => setFields({ ...fields, link: e.currentTarget.value })}
              w={300}
            />
            <FileInput
              label={t("mediaCooperation.clipping")}
              accept="application/pdf,image/jpeg,image/png,image/webp"
              value={clipping}
              onChange={setClipping}
              clearable
              w={200}
            />
            <FileInput
              label={t("mediaCooperation.screenshot")}
              accept="image/jpeg,image/png,image/webp"
              value={screenshot}
              error={errors.screenshot}
              onChange={setScreenshot}
              clearable
              w={200}
            />
          </Group>
          <Group>
            <Button leftSection={<IconPlus size={16} />} loading={add.isPending} onClick={() => void send()}>
              {t("mediaCooperation.saveDeliverable")}
            </Button>
          </Group>
        </Stack>
      )}
      {open && full && (
        <Text size="sm" c="dimmed" mt="sm">
          {t("mediaCooperation.quotaMet")}
        </Text>
      )}
    </Card>
  );
}
