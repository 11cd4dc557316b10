/** The library as a grid of thumbnails; each card opens the asset, its checkbox selects it. */
import { AspectRatio, Badge, Card, Checkbox, Group, Image, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MediaAssetView } from "../../../common/schemas/media";
import { formatBytes, formatDuration, KindIcon, RightsBadge } from "./media-format";

export function MediaGrid({
  items,
  selected,
  onToggle,
  onOpen,
  cols = { base: 2, sm: 3, md: 4, xl: 6 },
}: {
  items: MediaAssetView[];
  selected?: ReadonlySet<string>;
  onToggle?: (asset: MediaAssetView, checked: boolean) => void;
  onOpen: (asset: MediaAssetView) => void;
  cols?: Record<string, number>;
}) {
  return (
    <SimpleGrid cols={cols} spacing="sm">
      {items.map((asset) => (
        <MediaCard
          key={asset.id}
          asset={asset}
          selected={selected?.has(asset.id) ?? false}
          onToggle={onToggle && ((checked) => onToggle(asset, checked))}
          onOpen={() => onOpen(asset)}
        />
      ))}
    </SimpleGrid>
  );
}

function MediaCard({
  asset,
  selected,
  onToggle,
  onOpen,
}: {
  asset: MediaAssetView;
  selected: boolean;
  onToggle?: (checked: boolean) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const title = asset.caption || asset.fileName;
  return (
    <Card withBorder padding="xs" radius="md" style={{ outline: selected ? "2px solid var(--mantine-color-blue-5)" : undefined }}>
      <Card.Section>
        <UnstyledButton onClick={onOpen} w="100%" aria-label={t("media.open", { name: title })}>
          <AspectRatio ratio={4 / 3}>
            {asset.thumbUrl ? (
              <Image src={asset.thumbUrl} alt={asset.altText} fit="cover" loading="lazy" />
            ) : (
              <KindIcon kind={asset.kind} size={56} height="100%" />
            )}
          </AspectRatio>
        </UnstyledButton>
      </Card.Section>
      <Group gap={6} mt={6} wrap="nowrap" align="flex-start">
        {onToggle && (
          <Checkbox
            size="xs"
            mt={2}
            checked={selected}
            onChange={(e) => onToggle(e.currentTarget.checked)}
            aria-label={t("media.select", { name: title })}
          />
        )}
        <Text size="xs" fw={500} lineClamp={2} style={{ flex: 1, minWidth: 0, wordBreak: "break-word" }} title={asset.fileName}>
          {title}
        </Text>
      </Group>
      <Group gap={4} mt={4}>
        <Badge size="xs" variant="default">
          {t(`media.kinds.${asset.kind}`)}
        </Badge>
        {asset.rights !== "free" && <RightsBadge rights={asset.rights} size="xs" />}
        <Text size="xs" c="dimmed">
          {asset.durationSeconds ? formatDuration(asset.durationSeconds) : formatBytes(asset.sizeBytes)}
        </Text>
      </Group>
    </Card>
  );
}
