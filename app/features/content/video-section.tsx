/** Videografis: an uploaded video or a link, a thumbnail, the duration and subtitle files. */
import { Button, FileButton, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AssetPicker, AssetThumb, useMediaAsset } from "../media/asset-picker";
import { type ContentForm, Section } from "./section-kit";
import { checkSubtitle } from "./subtitle-check";

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, "0"))).join(":");
}

export function VideoSection({ form, organizationId }: { form: ContentForm; organizationId: string | null }) {
  const { t } = useTranslation();
  const f = form.getValues().fields;
  const [source, setSource] = useState<"asset" | "link">(f.videoUrl && !f.videoAssetId ? "link" : "asset");
  const video = useMediaAsset(f.videoAssetId);
  const duration = typeof f.durationSeconds === "number" ? f.durationSeconds : null;
  const videoError = form.errors["fields.videoAssetId"] ?? form.errors["fields.video"];

  return (
    <Section title={t("content.sections.video")} description={t("content.sections.videoHint")}>
      <SegmentedControl
        aria-label={t("content.fields.videoSource")}
        value={source}
        onChange={(value) => {
          setSource(value as "asset" | "link");
          // One source at a time, so the published item never carries a stale second one.
          if (value === "asset") form.setFieldValue("fields.videoUrl", "");
          else form.setFieldValue("fields.videoAssetId", null);
        }}
        data={[
          { value: "asset", label: t("content.fields.videoFromLibrary") },
          { value: "link", label: t("content.fields.videoFromLink") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      {source === "asset" ? (
        <Stack gap={4}>
          <Group gap="sm">
            {organizationId && (
              <AssetPicker
                organizationId={organizationId}
                label={t("content.pick.video")}
                kind="video"
                value={f.videoAssetId ? [f.videoAssetId] : []}
                onChange={(ids, views) => {
                  form.setFieldValue("fields.videoAssetId", ids[0] ?? null);
                  const seconds = views[0]?.durationSeconds;
                  if (seconds && f.durationSeconds === "") form.setFieldValue("fields.durationSeconds", seconds);
                }}
              />
            )}
            {f.videoAssetId && (
              <Text size="sm" data-testid="video-asset">
                {video.data?.fileName ?? t("content.fields.videoChosen")}
              </Text>
            )}
          </Group>
          {videoError && (
            <Text size="xs" c="red" role="alert">
              {videoError}
            </Text>
          )}
        </Stack>
      ) : (
        <TextInput
          label={t("content.fields.videoUrl")}
          placeholder="https://"
          type="url"
          maxLength={500}
          {...form.getInputProps("fields.videoUrl")}
          error={form.errors["fields.videoUrl"] ?? videoError}
        />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("content.fields.thumbnail")}
        </Text>
        <Group gap="sm">
          {f.thumbnailAssetId && <AssetThumb id={f.thumbnailAssetId} />}
          {organizationId && (
            <AssetPicker
              organizationId={organizationId}
              label={t("content.pick.thumbnail")}
              kind="image"
              value={f.thumbnailAssetId ? [f.thumbnailAssetId] : []}
              onChange={(ids) => form.setFieldValue("fields.thumbnailAssetId", ids[0] ?? null)}
            />
          )}
        </Group>
        {form.errors["fields.thumbnailAssetId"] && (
          <Text size="xs" c="red" role="alert">
            {form.errors["fields.thumbnailAssetId"]}
          </Text>
        )}
      </Stack>
      <NumberInput
        label={t("content.fields.durationSeconds")}
        description={duration ? formatDuration(duration) : t("content.fields.durationHint")}
        min={1}
        max={86_400}
        allowDecimal={false}
        allowNegative={false}
        maw={220}
        {...form.getInputProps("fields.durationSeconds")}
      />
      <SubtitleList form={form} />
    </Section>
  );
}

function SubtitleList({ form }: { form: ContentForm }) {
  const { t } = useTranslation();
  const subtitles = form.getValues().fields.subtitles;
  const [language, setLanguage] = useState("id");
  const [problem, setProblem] = useState<string | null>(null);
  const languageOk = /^[a-z]{2,3}$/.test(language);
  // Server-side refusals arrive per row (fields.subtitles.N.text) or for the list.
  const serverErrors = Object.entries(form.errors).filter(([key]) => key.startsWith("fields.subtitles"));

  const add = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    const check = checkSubtitle(file.name, await file.text());
    if (!check.ok) return setProblem(t(`content.subtitles.${check.reason}`, { name: file.name }));
    if (subtitles.some((s) => s.language === language)) return setProblem(t("content.subtitles.duplicate", { language }));
    form.insertListItem("fields.subtitles", { language, format: check.format, text: check.text, fileName: file.name });
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("content.fields.subtitles")}
      </Text>
      {subtitles.length > 0 && (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("content.subtitles.language")}</Table.Th>
              <Table.Th>{t("content.subtitles.file")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subtitles.map((s, i) => (
              <Table.Tr key={s.language}>
                <Table.Td>{s.language}</Table.Td>
                <Table.Td>
                  {s.fileName} ({s.format.toUpperCase()})
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => form.removeListItem("fields.subtitles", i)}
                  >
                    {t("content.remove", { label: s.fileName })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {subtitles.length < 5 && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t("content.subtitles.languageCode")}
            value={language}
            maxLength={3}
            w={140}
            onChange={(e) => setLanguage(e.currentTarget.value.toLowerCase())}
            error={languageOk ? undefined : t("content.subtitles.languageInvalid")}
          />
          <FileButton onChange={(file) => void add(file)} accept=".srt,.vtt,text/vtt,application/x-subrip">
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconUpload size={16} />} disabled={!languageOk}>
                {t("content.subtitles.upload")}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {problem && (
        <Text size="xs" c="red" role="alert">
          {problem}
        </Text>
      )}
      {serverErrors.map(([key, message]) => (
        <Text key={key} size="xs" c="red" role="alert">
          {String(message)}
        </Text>
      ))}
    </Stack>
  );
}
