/** "Buat konten": pick the form first, since the editor's sections follow the type. */
import { Modal, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import {
  IconCamera,
  IconChartInfographic,
  IconFileText,
  IconNews,
  IconShare,
  IconShieldCheck,
  IconSpeakerphone,
  IconVideo,
} from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CONTENT_TYPES, type ContentType } from "../../../common/schemas/content";

export const TYPE_ICONS: Record<ContentType, typeof IconNews> = {
  siaran_pers: IconFileText,
  berita: IconNews,
  foto: IconCamera,
  infografis: IconChartInfographic,
  video: IconVideo,
  pengumuman: IconSpeakerphone,
  klarifikasi: IconShieldCheck,
  sosial: IconShare,
};

export function TypeChooser({ onChoose }: { onChoose?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      {CONTENT_TYPES.map((type) => {
        const Icon = TYPE_ICONS[type];
        return (
          <UnstyledButton
            key={type}
            p="sm"
            style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: "var(--mantine-radius-md)" }}
            onClick={() => {
              onChoose?.();
              void navigate({ to: "/content/new", search: { type } });
            }}
          >
            <Stack gap={4}>
              <Icon size={22} color="var(--mantine-color-indigo-6)" aria-hidden />
              <Text fw={600} size="sm">
                {t(`content.types.${type}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`content.typeHints.${type}`)}
              </Text>
            </Stack>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

export function TypeChooserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("content.chooseType")} size="lg" centered>
      <TypeChooser onChoose={onClose} />
    </Modal>
  );
}
