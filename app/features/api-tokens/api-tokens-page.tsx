/** API tokens for integrations: list, create (secret shown once), revoke after confirmation. */
import { Badge, Button, Code, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed, formatDate, formatDateTime } from "../../lib/format";
import { type ApiTokenView, type CreatedApiToken, useApiTokens, useRevokeApiToken } from "./api-tokens-api";
import { CreateTokenModal } from "./create-token-modal";
import { TokenCreatedModal } from "./token-created-modal";

function TokenStatus({ token }: { token: ApiTokenView }) {
  const { t } = useTranslation();
  if (token.revokedAt)
    return (
      <Badge color="gray" variant="light">
        {t("tokens.revoked")}
      </Badge>
    );
  if (token.expiresAt && dayjs(token.expiresAt).isBefore(dayjs()))
    return (
      <Badge color="orange" variant="light">
        {t("tokens.expired")}
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {t("tokens.active")}
    </Badge>
  );
}

export function ApiTokensPage() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const revokeToken = async (token: ApiTokenView) => {
    const ok = await confirm({
      title: t("tokens.revokeTitle"),
      message: t("tokens.revokeBody", { name: token.name }),
      confirmLabel: t("tokens.revoke"),
      danger: true,
    });
    if (!ok) return;
    revoke.mutate(token.id, {
      onSuccess: () => notifySuccess(t("tokens.revokedDone")),
      onError: (e) => handleApiError(e),
    });
  };

  const canCreate = allowed(tokens.data?.can, "create");

  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={t("tokens.description")}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("tokens.create")}
            </Button>
          )
        }
      />
      {tokens.isLoading ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : !tokens.data || tokens.data.items.length === 0 ? (
        <EmptyState title={t("tokens.empty")} description={t("tokens.emptyHelp")} />
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tokens.name")}</Table.Th>
                <Table.Th>{t("tokens.organization")}</Table.Th>
                <Table.Th>{t("tokens.role")}</Table.Th>
                <Table.Th>{t("tokens.prefix")}</Table.Th>
                <Table.Th>{t("tokens.status")}</Table.Th>
                <Table.Th>{t("tokens.createdAt")}</Table.Th>
                <Table.Th>{t("tokens.expiresAt")}</Table.Th>
                <Table.Th>{t("tokens.lastUsed")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((token) => (
                <Table.Tr key={token.id} data-testid="token-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{token.organizationName}</Table.Td>
                  <Table.Td>{t(`roles.${token.role}`)}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <TokenStatus token={token} />
                  </Table.Td>
                  <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t("tokens.never")}</Table.Td>
                  <Table.Td>{formatDateTime(token.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {!token.revokedAt && allowed(token.can, "revoke") && (
                      <Button size="xs" color="red" variant="subtle" onClick={() => void revokeToken(token)}>
                        {t("tokens.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
