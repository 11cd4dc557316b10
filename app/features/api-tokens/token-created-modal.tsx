/** The secret is shown exactly once (only its hash is stored), so make copying it easy. */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { CreatedApiToken } from "./api-tokens-api";

export function TokenCreatedModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={token !== null} onClose={onClose} title={t("tokens.createdTitle")} closeOnClickOutside={false}>
      {token && (
        <Stack>
          <Alert color="yellow" variant="light">
            {t("tokens.showOnce")}
          </Alert>
          <Code block data-testid="new-token" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
            {token.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? "teal" : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? t("tokens.copied") : t("tokens.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("tokens.done")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
