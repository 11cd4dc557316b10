/**
 * Self-contained amplification block for a content item's page: who was asked to share it, who
 * did (with the link), the adoption rate, and "Minta amplifikasi" for the item's writers.
 * Usage: <AmplificationPanel contentId={item.id} canRequest={item.status === "published"} />.
 */
import { Anchor, Badge, Button, Card, Group, Modal, MultiSelect, Progress, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { IconShare } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { useOrganizations } from "../organizations/organizations-api";
import { type ContentAmplifications, useContentAmplifications, useRequestAmplification } from "./campaigns-api";

export function AmplificationPanel({ contentId, canRequest }: { contentId: string; canRequest: boolean }) {
  const { t } = useTranslation();
  const view = useContentAmplifications(contentId);
  const [asking, setAsking] = useState(false);
  if (view.isLoading) return <LoadingState />;
  if (view.isError || !view.data) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const mayAsk = canRequest && data.can.request === true;

  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("amplifications.panelTitle")}</Title>
        {mayAsk && (
          <Button size="xs" leftSection={<IconShare size={14} />} onClick={() => setAsking(true)}>
            {t("amplifications.request")}
          </Button>
        )}
      </Group>
      {data.requested === 0 ? (
        <Text size="sm" c="dimmed">
          {t("amplifications.noneRequested")}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {t("amplifications.adoption", { shared: data.shared, requested: data.requested, percent: data.adoptionPercent })}
          </Text>
          <Progress value={data.adoptionPercent} aria-label={t("amplifications.panelTitle")} />
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{r.organization.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={r.status === "shared" ? "teal" : "yellow"}>
                      {t(`amplifications.statuses.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.sharedUrl ? (
                      <Anchor href={r.sharedUrl} target="_blank" rel="noopener noreferrer" size="sm">
                        {formatDateTime(r.sharedAt)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {asking && <RequestModal contentId={contentId} current={data} onClose={() => setAsking(false)} />}
    </Card>
  );
}

function RequestModal({ contentId, current, onClose }: { contentId: string; current: ContentAmplifications; onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const request = useRequestAmplification(contentId);
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | undefined>();
  const asked = new Set(current.items.map((i) => i.organization.id));
  const options = (orgs.data?.items ?? []).filter((o) => o.active && !asked.has(o.id)).map((o) => ({ value: o.id, label: o.name }));

  const send = () =>
    request.mutate(
      { organizationIds, message },
      {
        onSuccess: () => {
          notifySuccess(t("amplifications.requested"));
          onClose();
        },
        onError: (e) => handleApiError(e, { setErrors: (fields) => setError(Object.values(fields)[0]) }),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t("amplifications.request")}>
      <Stack gap="sm">
        <MultiSelect
          label={t("amplifications.targets")}
          description={t("amplifications.targetsHint")}
          data={options}
          searchable
          value={organizationIds}
          onChange={setOrganizationIds}
          error={error}
          disabled={orgs.isLoading}
          required
        />
        <Textarea
          label={t("amplifications.message")}
          autosize
          minRows={2}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={send} disabled={organizationIds.length === 0} loading={request.isPending}>
            {t("amplifications.send")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
