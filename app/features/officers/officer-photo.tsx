/** The officer's photo with an upload button for those who may edit the record. */
import { Avatar, FileButton, Group, Loader, Text, UnstyledButton } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import type { OfficerView } from "./officers-api";

export function OfficerPhoto({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Bumped after an upload so the browser fetches the new image, not its cached copy.
  const [version, setVersion] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return api<OfficerView>(`/officers/${officer.id}/photo`, { method: "PUT", body });
    },
    onSuccess: (view) => {
      queryClient.setQueryData(["officers", "detail", officer.id], view);
      setVersion((v) => v + 1);
      notifySuccess(t("officers.photo.saved"));
    },
    onError: (err) => handleApiError(err),
  });
  const src = officer.hasPhoto ? `/api/v1/officers/${officer.id}/photo?v=${version}` : null;
  const initials = officer.name
    .split(/[\s,]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join("");

  return (
    <Group gap="sm" mb="sm">
      <Avatar src={src} alt={t("officers.photo.alt", { name: officer.name })} size={72} radius="md" color="blue">
        {initials}
      </Avatar>
      {allowed(officer.can, "update") && (
        <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/png,image/jpeg,image/webp">
          {(props) => (
            <UnstyledButton {...props} aria-label={t("officers.photo.upload")}>
              <Group gap={6}>
                {upload.isPending && <Loader size="xs" />}
                <Text size="sm" c="blue">
                  {officer.hasPhoto ? t("officers.photo.replace") : t("officers.photo.upload")}
                </Text>
              </Group>
            </UnstyledButton>
          )}
        </FileButton>
      )}
    </Group>
  );
}
