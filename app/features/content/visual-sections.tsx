/** Foto jurnalistik (photos with caption and credit) and infografis (images with alt text). */
import { Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MediaAssetView } from "../../../common/schemas/media";
import { AssetPicker, AssetThumb } from "../media/asset-picker";
import type { InfoImage, Photo } from "./content-form-values";
import { type ContentForm, RepeaterRow, Section } from "./section-kit";

/** Keeps rows of assets still chosen (in their order) and adds rows for new ones. */
function syncRows<T extends { assetId: string }>(
  rows: T[],
  ids: string[],
  views: MediaAssetView[],
  make: (id: string, view?: MediaAssetView) => T,
): T[] {
  const kept = rows.filter((r) => ids.includes(r.assetId));
  const added = ids
    .filter((id) => !rows.some((r) => r.assetId === id))
    .map((id) =>
      make(
        id,
        views.find((v) => v.id === id),
      ),
    );
  return [...kept, ...added];
}

function MissingError({ error }: { error: unknown }) {
  if (typeof error !== "string") return null;
  return (
    <Text size="xs" c="red" role="alert">
      {error}
    </Text>
  );
}

export function PhotoSection({ form, organizationId }: { form: ContentForm; organizationId: string | null }) {
  const { t } = useTranslation();
  const photos = form.getValues().fields.photos;
  const pick = (ids: string[], views: MediaAssetView[]) =>
    form.setFieldValue(
      "fields.photos",
      syncRows<Photo>(photos, ids, views, (assetId, v) => ({
        assetId,
        caption: v?.caption ?? "",
        credit: v?.credit ?? "",
        place: v?.location ?? "",
        takenAt: v?.takenAt?.slice(0, 10) ?? "",
      })),
    );
  return (
    <Section title={t("content.sections.photos")} description={t("content.sections.photosHint")}>
      <Stack gap="xs">
        {photos.map((photo, i) => (
          <RepeaterRow
            key={photo.assetId}
            label={t("content.fields.photoN", { n: i + 1 })}
            index={i}
            count={photos.length}
            onMove={(from, to) => form.reorderListItem("fields.photos", { from, to })}
            onRemove={() => form.removeListItem("fields.photos", i)}
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <AssetThumb id={photo.assetId} />
              <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                <Textarea
                  label={t("content.fields.caption")}
                  autosize
                  minRows={2}
                  maxLength={1000}
                  {...form.getInputProps(`fields.photos.${i}.caption`)}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput label={t("content.fields.credit")} maxLength={200} {...form.getInputProps(`fields.photos.${i}.credit`)} />
                  <TextInput label={t("content.fields.place")} maxLength={200} {...form.getInputProps(`fields.photos.${i}.place`)} />
                  <TextInput label={t("content.fields.takenAt")} type="date" {...form.getInputProps(`fields.photos.${i}.takenAt`)} />
                </SimpleGrid>
              </Stack>
            </Group>
          </RepeaterRow>
        ))}
      </Stack>
      <MissingError error={form.errors["fields.photos"]} />
      {organizationId && (
        <Group>
          <AssetPicker
            organizationId={organizationId}
            label={t("content.pick.photos")}
            kind="image"
            multiple
            value={photos.map((p) => p.assetId)}
            onChange={pick}
          />
        </Group>
      )}
    </Section>
  );
}

export function InfographicSection({ form, organizationId }: { form: ContentForm; organizationId: string | null }) {
  const { t } = useTranslation();
  const images = form.getValues().fields.images;
  const pick = (ids: string[], views: MediaAssetView[]) =>
    form.setFieldValue(
      "fields.images",
      syncRows<InfoImage>(images, ids, views, (assetId, v) => ({ assetId, altText: v?.altText ?? "" })),
    );
  return (
    <Section title={t("content.sections.infographic")} description={t("content.sections.infographicHint")}>
      <Stack gap="xs">
        {images.map((image, i) => (
          <RepeaterRow
            key={image.assetId}
            label={t("content.fields.imageN", { n: i + 1 })}
            index={i}
            count={images.length}
            onMove={(from, to) => form.reorderListItem("fields.images", { from, to })}
            onRemove={() => form.removeListItem("fields.images", i)}
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <AssetThumb id={image.assetId} />
              <Textarea
                style={{ flex: 1 }}
                label={t("content.fields.altText")}
                description={t("content.fields.altTextHint")}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.getInputProps(`fields.images.${i}.altText`)}
              />
            </Group>
          </RepeaterRow>
        ))}
      </Stack>
      <MissingError error={form.errors["fields.images"]} />
      {organizationId && (
        <Group>
          <AssetPicker
            organizationId={organizationId}
            label={t("content.pick.images")}
            kind="image"
            multiple
            value={images.map((p) => p.assetId)}
            onChange={pick}
          />
        </Group>
      )}
      <TextInput label={t("content.fields.dataSource")} maxLength={500} {...form.getInputProps("fields.dataSource")} />
    </Section>
  );
}
