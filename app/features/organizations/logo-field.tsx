/** Logo preview and upload. Type and size are checked here for a quick answer; the server re-checks by content. */
import { Avatar, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { IconBuilding, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { logoUrl, type OrganizationView, useUploadLogo } from "./organizations-api";

const ACCEPTED = ["image/png", "image/jpeg", "image/webp"];

export function LogoField({ org, onUploaded }: { org: OrganizationView; onUploaded: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const [version, setVersion] = useState<number>(0);
  const [hasLogo, setHasLogo] = useState(org.hasLogo);
  const [error, setError] = useState<string | null>(null);

  const pick = (file: File | null) => {
    setError(null);
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) return setError(t("organizations.logoType"));
    if (file.size > LIMITS.logoBytes) return setError(t("organizations.logoSize", { mb: LIMITS.logoBytes / 1_048_576 }));
    upload.mutate(
      { id: org.id, file },
      {
        onSuccess: () => {
          setHasLogo(true);
          setVersion(Date.now());
          onUploaded();
          notifySuccess(t("organizations.logoUploaded"));
        },
        onError: (e) => handleApiError(e),
      },
    );
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t("organizations.logo")}
      </Text>
      <Group>
        <Avatar src={hasLogo ? logoUrl(org.id, version) : null} size={64} radius="sm" alt={t("organizations.logoAlt", { name: org.name })}>
          <IconBuilding size={28} />
        </Avatar>
        <FileButton onChange={pick} accept={ACCEPTED.join(",")}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
              {t("organizations.uploadLogo")}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c={error ? "red" : "dimmed"} role={error ? "alert" : undefined}>
        {error ?? t("organizations.logoHelp", { mb: LIMITS.logoBytes / 1_048_576 })}
      </Text>
    </Stack>
  );
}
