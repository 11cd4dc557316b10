import { Alert, Badge, Divider, Drawer, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { LinkifiedText } from "./linkified-text";
import type { EmailView } from "./outbox-api";

export const STATUS_COLORS: Record<EmailView["status"], string> = {
  queued: "yellow",
  sent: "teal",
  outbox: "blue",
  failed: "red",
};

/** Detail of one email: headers and the text body. */
export function EmailDrawer({ email, onClose }: { email: EmailView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={email !== null} onClose={onClose} position="right" size="lg" title={email?.subject}>
      {email && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={STATUS_COLORS[email.status]} variant="light">
              {t(`outbox.status.${email.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            <strong>{t("outbox.to")}:</strong> {email.to}
          </Text>
          <Text size="sm">
            <strong>{t("outbox.createdAt")}:</strong> {formatDateTime(email.createdAt)}
          </Text>
          {email.sentAt && (
            <Text size="sm">
              <strong>{t("outbox.sentAt")}:</strong> {formatDateTime(email.sentAt)}
            </Text>
          )}
          {email.error && (
            <Alert color="red" title={t("outbox.error")}>
              {email.error}
            </Alert>
          )}
          <Divider />
          <LinkifiedText text={email.text} />
        </Stack>
      )}
    </Drawer>
  );
}
