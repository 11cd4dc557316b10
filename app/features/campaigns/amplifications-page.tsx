/** "Amplifikasi": requests addressed to the user's agencies; writers mark them shared with the link. */
import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { IconCheck, IconExternalLink } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListPagination } from "../../components/list-pagination";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { AMPLIFICATIONS_PAGE_SIZE, type AmplificationInboxItem, useAmplificationInbox, useMarkShared } from "./campaigns-api";

const route = getRouteApi("/_authed/amplifications");

export function AmplificationsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const status = search.status === "all" ? undefined : (search.status ?? "pending");
  const inbox = useAmplificationInbox(status, search.page ?? 1);
  const [sharing, setSharing] = useState<AmplificationInboxItem | null>(null);
  const items = inbox.data?.items ?? [];

  return (
    <>
      <PageHeader title={t("amplifications.title")} description={t("amplifications.description")} />
      <SegmentedControl
        mb="md"
        aria-label={t("amplifications.status")}
        value={search.status ?? "pending"}
        onChange={(v) =>
          void navigate({ search: { status: v === "pending" ? undefined : (v as "shared" | "all"), page: undefined }, replace: true })
        }
        data={[
          { value: "pending", label: t("amplifications.statuses.pending") },
          { value: "shared", label: t("amplifications.statuses.shared") },
          { value: "all", label: t("common.all") },
        ]}
      />
      {inbox.isLoading ? (
        <LoadingState />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("amplifications.empty")} />
      ) : (
        <>
          <Stack gap="xs">
            {items.map((r) => (
              <Card key={r.id} withBorder radius="md" padding="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
                    <Anchor href={r.content.publicUrl} target="_blank" rel="noopener" fw={600}>
                      {r.content.title} <IconExternalLink size={14} aria-hidden />
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t("amplifications.from", {
                        requester: r.requester.name,
                        target: r.organization.name,
                        date: formatDateTime(r.createdAt),
                      })}
                    </Text>
                    {r.message && <Text size="sm">{r.message}</Text>}
                    {r.sharedUrl && (
                      <Text size="sm">
                        {t("amplifications.sharedAt", { date: formatDateTime(r.sharedAt) })}{" "}
                        <Anchor href={r.sharedUrl} target="_blank" rel="noopener noreferrer">
                          {r.sharedUrl}
                        </Anchor>
                      </Text>
                    )}
                  </Stack>
                  <Stack gap={6} align="flex-end">
                    <Badge variant="light" color={r.status === "shared" ? "teal" : "yellow"}>
                      {t(`amplifications.statuses.${r.status}`)}
                    </Badge>
                    {r.can.share && (
                      <Button
                        size="xs"
                        variant={r.status === "shared" ? "default" : "filled"}
                        leftSection={<IconCheck size={14} />}
                        onClick={() => setSharing(r)}
                      >
                        {r.status === "shared" ? t("amplifications.editLink") : t("amplifications.markShared")}
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
          <ListPagination
            page={search.page ?? 1}
            pageSize={AMPLIFICATIONS_PAGE_SIZE}
            total={inbox.data?.total ?? 0}
            onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })}
          />
        </>
      )}
      {sharing && <ShareModal request={sharing} onClose={() => setSharing(null)} />}
    </>
  );
}

function ShareModal({ request, onClose }: { request: AmplificationInboxItem; onClose: () => void }) {
  const { t } = useTranslation();
  const mark = useMarkShared();
  const [url, setUrl] = useState(request.sharedUrl ?? "");
  const [error, setError] = useState<string | undefined>();
  const save = () => {
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(t("validation.url"));
      return;
    }
    mark.mutate(
      { id: request.id, url: url.trim() },
      {
        onSuccess: () => {
          notifySuccess(t("amplifications.markedShared"));
          onClose();
        },
        onError: (e) => handleApiError(e, { setErrors: (fields) => setError(fields.url) }),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("amplifications.markShared")}>
      <Stack gap="sm">
        <Text size="sm">{request.content.title}</Text>
        <TextInput
          label={t("amplifications.sharedUrl")}
          description={t("amplifications.sharedUrlHint")}
          placeholder="https://"
          type="url"
          required
          value={url}
          error={error}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setError(undefined);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={mark.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
