/**
 * "Kirim ulang" for a failed post, for the content studio's publication list. Asks first: when
 * the outcome of the last attempt was uncertain, the post may already be on the channel.
 */
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useRetryPublication } from "./channels-api";

export function RetryPublicationButton({ publicationId, channelName }: { publicationId: string; channelName: string }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const retry = useRetryPublication();
  const run = async () => {
    const ok = await confirm({
      title: t("channels.publication.retryTitle", { name: channelName }),
      message: t("channels.publication.retryBody"),
      confirmLabel: t("channels.publication.retry"),
    });
    if (ok)
      retry.mutate(publicationId, { onSuccess: () => notifySuccess(t("channels.publication.retried")), onError: (e) => handleApiError(e) });
  };
  return (
    <Button size="xs" variant="light" loading={retry.isPending} onClick={() => void run()}>
      {t("channels.publication.retry")}
    </Button>
  );
}
