/** Unggahan media sosial: the post text with a live counter, media, and per-platform variants. */
import { Badge, Group, MultiSelect, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CHANNEL_PLATFORMS, type ChannelPlatform } from "../../../common/schemas/content";
import { AssetPicker, AssetThumb } from "../media/asset-picker";
import { type ContentForm, Section } from "./section-kit";

/** Text limits of the platforms (X counts a link as 23 characters; the preview on scheduling is exact). */
export const PLATFORM_LIMITS: Record<ChannelPlatform, number> = {
  x: 280,
  instagram: 2200,
  telegram: 4096,
  youtube: 5000,
  facebook: 5000,
  webhook: 5000,
  wordpress: 5000,
};
const COUNTED: ChannelPlatform[] = ["x", "instagram", "telegram"];

function Counter({ text, platforms }: { text: string; platforms: ChannelPlatform[] }) {
  const { t } = useTranslation();
  const length = [...text].length; // code points, so an emoji counts once
  return (
    <Group gap={6} wrap="wrap" aria-live="polite">
      <Text size="xs" c="dimmed" data-testid="char-count">
        {t("content.social.chars", { count: length })}
      </Text>
      {platforms.map((p) => {
        const over = length > PLATFORM_LIMITS[p];
        return (
          <Badge key={p} size="xs" variant={over ? "filled" : "light"} color={over ? "red" : "gray"} style={{ textTransform: "none" }}>
            {t(`content.platforms.${p}`)} {length}/{PLATFORM_LIMITS[p]}
          </Badge>
        );
      })}
    </Group>
  );
}

export function SocialSection({ form, organizationId }: { form: ContentForm; organizationId: string | null }) {
  const { t } = useTranslation();
  const f = form.getValues().fields;
  const variantPlatforms = Object.keys(f.variants) as ChannelPlatform[];
  return (
    <Section title={t("content.sections.social")} description={t("content.sections.socialHint")}>
      <Stack gap={4}>
        <Textarea
          label={t("content.fields.socialText")}
          autosize
          minRows={4}
          maxLength={5000}
          {...form.getInputProps("fields.socialText")}
        />
        <Counter text={f.socialText} platforms={COUNTED} />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("content.fields.mediaAssets")}
        </Text>
        <Group gap="xs">
          {f.mediaAssetIds.map((id) => (
            <AssetThumb key={id} id={id} />
          ))}
          {organizationId && (
            <AssetPicker
              organizationId={organizationId}
              label={t("content.pick.media")}
              multiple
              value={f.mediaAssetIds}
              onChange={(ids) => form.setFieldValue("fields.mediaAssetIds", ids.slice(0, 10))}
            />
          )}
        </Group>
      </Stack>
      <MultiSelect
        label={t("content.fields.variants")}
        description={t("content.fields.variantsHint")}
        data={CHANNEL_PLATFORMS.map((p) => ({ value: p, label: t(`content.platforms.${p}`) }))}
        value={variantPlatforms}
        onChange={(chosen) =>
          form.setFieldValue(
            "fields.variants",
            Object.fromEntries(chosen.map((p) => [p, f.variants[p as ChannelPlatform] ?? f.socialText])),
          )
        }
        comboboxProps={{ withinPortal: true }}
      />
      {variantPlatforms.map((p) => (
        <Stack key={p} gap={4}>
          <Textarea
            label={t("content.fields.variantFor", { platform: t(`content.platforms.${p}`) })}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps(`fields.variants.${p}`)}
          />
          <Counter text={f.variants[p] ?? ""} platforms={[p]} />
        </Stack>
      ))}
    </Section>
  );
}
