import { Badge, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import { type SessionItem, useMySessions, useRevokeSession } from "./account-api";
import { SectionCard } from "./section-card";

/** Where the user is signed in; any other session can be ended (e.g. a lost phone). */
export function SessionsCard() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const sessions = useMySessions();
  const revoke = useRevokeSession();

  const end = async (item: SessionItem) => {
    const ok = await confirm({
      title: t("account.revokeTitle"),
      message: t("account.revokeBody", { device: item.userAgent ?? t("account.unknownDevice") }),
      confirmLabel: t("account.revoke"),
      danger: true,
    });
    if (ok) {
      revoke.mutate(item.id, {
        onSuccess: () => notifySuccess(t("account.revoked")),
        onError: (e) => handleApiError(e),
      });
    }
  };

  return (
    <SectionCard title={t("account.sessions")} description={t("account.sessionsHelp")}>
      {sessions.isLoading ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("account.device")}</Table.Th>
                <Table.Th>{t("account.ip")}</Table.Th>
                <Table.Th>{t("account.signedInAt")}</Table.Th>
                <Table.Th>{t("account.lastSeen")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data?.items ?? []).map((item) => (
                <Table.Tr key={item.id} data-testid="session-row">
                  <Table.Td maw={280}>
                    <Text size="sm" lineClamp={2}>
                      {item.userAgent ?? t("account.unknownDevice")}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.ip ?? "—"}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(item.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {item.current ? (
                      <Badge variant="light">{t("account.thisDevice")}</Badge>
                    ) : (
                      <Button size="xs" color="red" variant="subtle" onClick={() => void end(item)}>
                        {t("account.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
