/** Paste one news URL: the server fetches and extracts it now and stores it as a clipping. */
import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { OrganizationSelect } from "../../components/organization-select";
import { handleApiError } from "../../lib/form-errors";
import { OutletSelect } from "../media-relations/outlet-select";
import { type ClippingAnswer, useClip } from "./sources-api";

interface Values {
  organizationId: string | null;
  url: string;
  outletId: string | null;
}

export function ClippingModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const clip = useClip();
  const [result, setResult] = useState<ClippingAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { organizationId: null, url: "", outletId: null },
    validate: {
      organizationId: (v) => (v ? null : t("validation.required")),
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : t("validation.url")),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setResult(null);
    setFailure(null);
    try {
      setResult(await clip.mutateAsync({ organizationId: v.organizationId as string, url: v.url.trim(), outletId: v.outletId }));
      form.setFieldValue("url", "");
    } catch (err) {
      // Fetch and extraction failures (422) are explained in place; others go to the usual handler.
      if (isApiError(err) && err.status === 422) setFailure(err.message);
      else handleApiError(err, form);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t("monitoringSources.clipUrl")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("monitoringSources.clipHint")}
          </Text>
          <OrganizationSelect label={t("monitoringSources.organization")} required {...form.getInputProps("organizationId")} />
          <TextInput label={t("monitoringSources.articleUrl")} placeholder="https://" required {...form.getInputProps("url")} />
          <OutletSelect label={t("monitoringSources.outlet")} {...form.getInputProps("outletId")} />
          {clip.isPending && <Text size="sm">{t("monitoringSources.clipping")}</Text>}
          {failure && (
            <Alert color="red" title={t("monitoringSources.clipFailed")}>
              {failure}
            </Alert>
          )}
          {result && (
            <Alert color={result.status === "duplicate" ? "yellow" : "teal"} title={t(`monitoringSources.clipStatus.${result.status}`)}>
              <Anchor href={result.url} target="_blank" rel="noreferrer">
                {result.title}
              </Anchor>
              {result.outletName && <Text size="sm">{result.outletName}</Text>}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("monitoringSources.close")}
            </Button>
            <Button type="submit" loading={clip.isPending}>
              {t("monitoringSources.clipSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
