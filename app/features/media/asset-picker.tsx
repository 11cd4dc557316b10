/**
 * Choosing assets from the library inside another form (the content studio: photos, images,
 * video, thumbnails, cover). A button opens the library in a modal with search, the kind
 * filter and an upload zone; uploads made there are chosen at once.
 */
import { Button, Group, Image, Modal, Skeleton, Stack, Text, Tooltip } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconPhoto } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MediaAssetView, MediaKind } from "../../../common/schemas/media";
import { ListPagination } from "../../components/list-pagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { type MediaFilters, useMediaAsset, useMediaList } from "./media-api";
import { MediaFiltersBar } from "./media-filters";
import { KindIcon } from "./media-format";
import { MediaGrid } from "./media-grid";
import { useUploadOrganizations } from "./upload-organizations";
import { UploadZone } from "./upload-zone";

export { useMediaAsset };

const PICKER_PAGE_SIZE = 18;

export interface AssetPickerProps {
  /** The organization the content belongs to: the library opens on it, and uploads go there. */
  organizationId: string;
  kind?: MediaKind;
  multiple?: boolean;
  /** The ids chosen now; in multiple mode they start checked and keep their order. */
  value: string[];
  /** The whole new choice, and the views of the assets the picker has seen (new ones included). */
  onChange: (ids: string[], views: MediaAssetView[]) => void;
  label?: ReactNode;
  disabled?: boolean;
}

export function AssetPicker({ organizationId, kind, multiple = false, value, onChange, label, disabled }: AssetPickerProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" leftSection={<IconPhoto size={16} />} onClick={() => setOpened(true)} disabled={disabled}>
        {label ?? (multiple ? t("media.picker.chooseMany") : t("media.picker.chooseOne"))}
      </Button>
      {opened && (
        <PickerModal
          organizationId={organizationId}
          kind={kind}
          multiple={multiple}
          value={value}
          onClose={() => setOpened(false)}
          onDone={(ids, views) => {
            onChange(ids, views);
            setOpened(false);
          }}
        />
      )}
    </>
  );
}

function PickerModal({
  organizationId,
  kind,
  multiple,
  value,
  onClose,
  onDone,
}: Omit<AssetPickerProps, "onChange" | "label" | "disabled"> & {
  onClose: () => void;
  onDone: (ids: string[], views: MediaAssetView[]) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 48em)");
  const writable = useUploadOrganizations();
  const [filters, setFilters] = useState<MediaFilters>({ organizationId, kind });
  const [chosen, setChosen] = useState<string[]>(multiple ? value : []);
  const [seen, setSeen] = useState<Map<string, MediaAssetView>>(new Map());
  const list = useMediaList(filters, PICKER_PAGE_SIZE);
  const items = list.data?.items ?? [];

  const remember = (asset: MediaAssetView) => setSeen((prev) => new Map(prev).set(asset.id, asset));
  const toggle = (asset: MediaAssetView, checked: boolean) => {
    remember(asset);
    setChosen((prev) => {
      if (!multiple) return checked ? [asset.id] : [];
      return checked ? [...prev.filter((id) => id !== asset.id), asset.id] : prev.filter((id) => id !== asset.id);
    });
  };
  const confirm = () => {
    const views = chosen.map((id) => seen.get(id) ?? items.find((a) => a.id === id)).filter((v): v is MediaAssetView => !!v);
    onDone(multiple ? chosen : chosen.slice(0, 1), views);
  };
  const canUploadHere = writable.canUpload;

  return (
    <Modal opened onClose={onClose} title={t("media.picker.title")} size="80rem" fullScreen={phone}>
      <Stack gap="sm">
        {canUploadHere && (
          <UploadZone
            compact
            organizationId={organizationId}
            onUploaded={(asset) => {
              if (!kind || asset.kind === kind) toggle(asset, true);
            }}
          />
        )}
        <MediaFiltersBar
          filters={filters}
          onChange={(patch) => setFilters((prev) => ({ ...prev, ...patch, page: undefined }))}
          fixedKind={!!kind}
          compact
        />
        {list.isLoading ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("media.noMatches")} description={t("media.picker.emptyHint")} />
        ) : (
          <>
            <MediaGrid
              items={items}
              selected={new Set(chosen)}
              onToggle={toggle}
              onOpen={(asset) => toggle(asset, !chosen.includes(asset.id))}
              cols={{ base: 2, sm: 3, md: 6 }}
            />
            <ListPagination
              page={list.data?.page ?? 1}
              pageSize={PICKER_PAGE_SIZE}
              total={list.data?.total ?? 0}
              onChange={(page) => setFilters((prev) => ({ ...prev, page }))}
            />
          </>
        )}
        <Group justify="space-between" pos="sticky" bottom={0} py="xs" bg="var(--mantine-color-body)">
          <Text size="sm" c="dimmed">
            {t("media.selectedCount", { count: chosen.length })}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button onClick={confirm} disabled={!multiple && chosen.length === 0}>
              {t("media.picker.use")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A small preview of an asset by id: its thumbnail, or an icon for video, PDF and audio. */
export function AssetThumb({ id, size = 72 }: { id: string; size?: number }) {
  const { t } = useTranslation();
  const asset = useMediaAsset(id);
  if (asset.isLoading) return <Skeleton w={size} h={size} radius="sm" />;
  const data = asset.data;
  if (!data) return <KindIcon kind="image" size={size} />;
  return (
    <Tooltip label={data.caption || data.fileName} withinPortal>
      <div style={{ width: size, height: size, flex: "none" }}>
        {data.thumbUrl ? (
          <Image
            src={data.thumbUrl}
            w={size}
            h={size}
            fit="cover"
            radius="sm"
            alt={data.altText || t("media.thumbAlt", { name: data.fileName })}
          />
        ) : (
          <KindIcon kind={data.kind} size={size} />
        )}
      </div>
    </Tooltip>
  );
}
