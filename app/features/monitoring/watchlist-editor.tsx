/**
 * Create or edit a watchlist: entries (names, aliases, officials, programmes, places, hashtags,
 * Boolean queries), a live syntax check as one types (the server's parser, with the error's
 * position), and a preview of what the watchlist would have matched in the last days.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WATCHLIST_ENTRY_KINDS } from "../../../common/monitoring-article-enums";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import {
  checkWatchlist,
  previewWatchlist,
  useCreateWatchlist,
  useUpdateWatchlist,
  type WatchlistEntry,
  type WatchlistPreview,
  type WatchlistView,
} from "./monitoring-articles-api";
import { QueryErrorAlert, QuerySyntaxHelp } from "./query-syntax";
import { ToneBadge } from "./tone-badge";

/** Which entry a query error belongs to (the server names the field "entries.N.value"). */
function erroredEntry(error: unknown): number | null {
  if (!isApiError(error)) return null;
  const key = Object.keys(error.fields).find((k) => /^entries\.\d+\.value$/.test(k));
  return key ? Number(key.split(".")[1]) : null;
}

export function WatchlistEditor({ watchlist, onClose }: { watchlist: WatchlistView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const readOnly = !!watchlist && !watchlist.can.manage;
  const [name, setName] = useState(watchlist?.name ?? "");
  const [description, setDescription] = useState(watchlist?.description ?? "");
  const [organizationId, setOrganizationId] = useState<string | null>(watchlist?.organizationId ?? null);
  const [enabled, setEnabled] = useState(watchlist?.enabled ?? true);
  const [entries, setEntries] = useState<WatchlistEntry[]>(watchlist?.entries ?? [{ kind: "name", value: "" }]);
  const [days, setDays] = useState(7);
  const [preview, setPreview] = useState<WatchlistPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const create = useCreateWatchlist();
  const update = useUpdateWatchlist();
  const filled = entries.filter((e) => e.value.trim());
  const [debounced] = useDebouncedValue(filled, 400);
  const check = useQuery({
    queryKey: ["monitoringArticles", "check", debounced],
    queryFn: () => checkWatchlist(debounced),
    enabled: debounced.length > 0,
    retry: false,
  });
  const badEntry = erroredEntry(check.error);
  const saving = create.isPending || update.isPending;

  const setEntry = (i: number, patch: Partial<WatchlistEntry>) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  const runPreview = async () => {
    if (!organizationId) return;
    setPreviewing(true);
    setPreviewError(null);
    try {
      setPreview(await previewWatchlist({ organizationId, entries: filled, days }));
    } catch (err) {
      setPreview(null);
      setPreviewError(err);
    } finally {
      setPreviewing(false);
    }
  };

  const save = () => {
    const done = {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("watchlists.saved") });
        onClose();
      },
      onError: (err: Error) => notifications.show({ color: "red", title: t("errors.title"), message: err.message }),
    };
    if (watchlist) update.mutate({ id: watchlist.id, name, description, entries: filled, enabled }, done);
    else if (organizationId) create.mutate({ organizationId, name, description, entries: filled, enabled }, done);
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={watchlist ? watchlist.name : t("watchlists.add")}>
      <Stack gap="sm">
        {!watchlist && (
          <OrganizationSelect label={t("watchlists.organization")} required value={organizationId} onChange={setOrganizationId} />
        )}
        <TextInput
          label={t("watchlists.name")}
          required
          value={name}
          maxLength={200}
          disabled={readOnly}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Textarea
          label={t("watchlists.descriptionField")}
          value={description}
          maxLength={2000}
          autosize
          minRows={1}
          disabled={readOnly}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group gap={4} align="center">
          <Text fw={500} size="sm">
            {t("watchlists.entries")}
          </Text>
          <QuerySyntaxHelp />
        </Group>
        {entries.map((e, i) => (
          // Entries have no ids; their position is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={t("watchlists.entryKind")}
              data={WATCHLIST_ENTRY_KINDS.map((k) => ({ value: k, label: t(`watchlists.kinds.${k}`) }))}
              value={e.kind}
              allowDeselect={false}
              disabled={readOnly}
              onChange={(v) => v && setEntry(i, { kind: v as WatchlistEntry["kind"] })}
              w={170}
            />
            <TextInput
              aria-label={t("watchlists.entryValue")}
              style={{ flex: 1 }}
              value={e.value}
              maxLength={1000}
              disabled={readOnly}
              ff={e.kind === "query" ? "monospace" : undefined}
              placeholder={e.kind === "query" ? '("Dinas Kesehatan" OR Dinkes) AND vaksin*' : t("watchlists.valuePlaceholder")}
              error={badEntry !== null && filled[badEntry] === e}
              onChange={(ev) => setEntry(i, { value: ev.currentTarget.value })}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={6}
                aria-label={t("watchlists.removeEntry")}
                disabled={entries.length === 1}
                onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            w="fit-content"
            onClick={() => setEntries((l) => [...l, { kind: "alias", value: "" }])}
          >
            {t("watchlists.addEntry")}
          </Button>
        )}
        {check.isError ? (
          <QueryErrorAlert error={check.error} query={badEntry !== null ? (debounced[badEntry]?.value ?? "") : ""} />
        ) : check.data ? (
          <Alert color="green" variant="light">
            <Text size="xs" mb={4}>
              {t("watchlists.compiled")}
            </Text>
            <Code block>{check.data.query}</Code>
          </Alert>
        ) : null}
        {!readOnly && <Switch label={t("watchlists.enabled")} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />}
        {/* Previewing scans the tree's articles, so it belongs to editing (the server asks for watchlist.manage). */}
        {!readOnly && (
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t("watchlists.previewDays")}
              min={1}
              max={90}
              value={days}
              onChange={(v) => setDays(Number(v) || 7)}
              w={150}
            />
            <Button
              variant="default"
              loading={previewing}
              disabled={!organizationId || !filled.length || check.isError}
              onClick={() => void runPreview()}
            >
              {t("watchlists.preview")}
            </Button>
          </Group>
        )}
        {previewError !== null && <QueryErrorAlert error={previewError} query="" />}
        {preview && <PreviewResult preview={preview} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {readOnly ? t("watchlists.close") : t("common.cancel")}
          </Button>
          {!readOnly && (
            <Button loading={saving} disabled={!name.trim() || !filled.length || !organizationId || check.isError} onClick={save}>
              {t("common.save")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewResult({ preview }: { preview: WatchlistPreview }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) =>
    new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language === "en" ? "en-GB" : "id-ID", { day: "numeric", month: "short" });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("watchlists.previewTotal", { count: preview.total, days: preview.days })}
        {preview.truncated ? ` ${t("watchlists.previewTruncated", { scanned: preview.scanned })}` : ""}
      </Text>
      {preview.perDay.length > 0 && (
        <Text size="xs" c="dimmed">
          {preview.perDay.map((d) => `${day(d.date)}: ${d.count}`).join(" · ")}
        </Text>
      )}
      {preview.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("watchlists.previewNone")}
        </Text>
      ) : (
        <Table fz="sm" striped>
          <Table.Tbody>
            {preview.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {a.outletName ?? a.url} — {a.snippet}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ToneBadge tone={a.tone} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
