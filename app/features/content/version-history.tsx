/**
 * Version history with a word-level diff between any two versions (computed by the server):
 * insertions green and underlined, deletions red and struck through.
 */
import { Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { ErrorState, LoadingState } from "../../components/query-state";
import { formatZoned } from "../../lib/format-date";
import { useMissingLabel } from "./completeness-checklist";
import { useVersionDiff, useVersions, type VersionDiff } from "./content-api";

const INSERT = { background: "var(--mantine-color-green-1)", color: "var(--mantine-color-green-9)", textDecoration: "underline" };
const DELETE = { background: "var(--mantine-color-red-1)", color: "var(--mantine-color-red-9)", textDecoration: "line-through" };

export function VersionHistory({ contentId, zone }: { contentId: string; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const versions = useVersions(contentId);
  const items = versions.data?.items ?? [];
  const latest = items.length ? Math.max(...items.map((v) => v.version)) : null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  // Until the user picks, compare the latest version with the one before it.
  const shownTo = to ?? latest;
  const shownFrom = from ?? (latest && latest > 1 ? latest - 1 : null);
  const diff = useVersionDiff(contentId, shownFrom, shownTo);

  if (versions.isLoading) return <LoadingState />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (items.length < 2) {
    return (
      <Text size="sm" c="dimmed">
        {t("content.versions.onlyOne")}
      </Text>
    );
  }
  const options = items.map((v) => ({
    value: String(v.version),
    label: t("content.versions.option", {
      version: v.version,
      author: v.authorName ?? "—",
      time: formatZoned(v.createdAt, zone, { short: true }),
    }),
  }));

  return (
    <Stack gap="md">
      <Group grow align="flex-end" gap="sm">
        <Select
          label={t("content.versions.from")}
          data={options}
          value={shownFrom ? String(shownFrom) : null}
          onChange={(v) => setFrom(v ? Number(v) : null)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("content.versions.to")}
          data={options}
          value={shownTo ? String(shownTo) : null}
          onChange={(v) => setTo(v ? Number(v) : null)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {shownFrom === shownTo ? (
        <Text size="sm" c="dimmed">
          {t("content.versions.same")}
        </Text>
      ) : diff.isLoading ? (
        <LoadingState />
      ) : diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : diff.data ? (
        <DiffView diff={diff.data} />
      ) : null}
    </Stack>
  );
}

function DiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  if (diff.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("content.versions.noChanges")}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="version-diff">
      <Group gap="md">
        <Text size="xs">
          <ins style={INSERT}>{t("content.versions.inserted")}</ins>
        </Text>
        <Text size="xs">
          <del style={DELETE}>{t("content.versions.deleted")}</del>
        </Text>
      </Group>
      {diff.fields.map((field) => (
        <Paper key={field.field} withBorder radius="sm" p="sm">
          <Title order={5} mb={4}>
            {label(field.field.replace(/^fields\./, ""))}
          </Title>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {field.parts.map((part, i) =>
              part.op === "insert" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <ins key={i} style={INSERT}>
                  {part.text}
                </ins>
              ) : part.op === "delete" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <del key={i} style={DELETE}>
                  {part.text}
                </del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
                <span key={i}>{part.text}</span>
              ),
            )}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
