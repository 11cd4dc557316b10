/** One user: profile facts, account actions (deactivate, reactivate, resend) and grants. */
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconMailForward, IconPlayerPlay, IconPower } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed, formatDateTime } from "../../lib/format";
import { UserStatusBadge } from "./user-badges";
import { UserGrants } from "./user-grants";
import { type UserAction, type UserView, useUser, useUserAction } from "./users-api";

const route = getRouteApi("/_authed/users/$userId");

export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const user = useUser(userId);

  return (
    <Stack>
      <Anchor component={Link} to="/users" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t("users.backToList")}
        </Group>
      </Anchor>
      <RecordState query={user} notFoundTitle={t("users.notFound")} notFoundBody={t("users.notFoundBody")}>
        {(data) => <UserDetail user={data} />}
      </RecordState>
    </Stack>
  );
}

function UserDetail({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const action = useUserAction(user.id);

  const run = async (kind: UserAction) => {
    if (kind !== "resend-invitation") {
      const deactivate = kind === "deactivate";
      const ok = await confirm({
        title: deactivate ? t("users.deactivateTitle") : t("users.reactivateTitle"),
        message: t(deactivate ? "users.deactivateBody" : "users.reactivateBody", { name: user.name }),
        confirmLabel: deactivate ? t("users.deactivate") : t("users.reactivate"),
        danger: deactivate,
      });
      if (!ok) return;
    }
    action.mutate(kind, {
      onSuccess: () => notifySuccess(t(`users.done.${kind}`)),
      onError: (error) => handleApiError(error),
    });
  };

  const canDeactivate = user.status !== "deactivated" && allowed(user.can, "deactivate");
  const canReactivate = user.status === "deactivated" && allowed(user.can, "reactivate");
  const canResend = user.status === "invited" && allowed(user.can, "resendInvitation");

  return (
    <>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={
          <>
            {canResend && (
              <Button
                variant="light"
                leftSection={<IconMailForward size={16} />}
                loading={action.isPending && action.variables === "resend-invitation"}
                onClick={() => void run("resend-invitation")}
              >
                {t("users.resendInvitation")}
              </Button>
            )}
            {canDeactivate && (
              <Button color="red" variant="light" leftSection={<IconPower size={16} />} onClick={() => void run("deactivate")}>
                {t("users.deactivate")}
              </Button>
            )}
            {canReactivate && (
              <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => void run("reactivate")}>
                {t("users.reactivate")}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Fact label={t("users.status")} value={<UserStatusBadge status={user.status} />} />
          <Fact label={t("users.phone")} value={user.phone ?? "—"} />
          <Fact label={t("users.twoFactor")} value={user.twoFactorEnabled ? t("common.on") : t("common.off")} />
          <Fact label={t("users.lastLogin")} value={formatDateTime(user.lastLoginAt)} />
          <Fact label={t("users.createdAt")} value={formatDateTime(user.createdAt)} />
        </SimpleGrid>
      </Paper>
      <UserGrants user={user} />
    </>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof value === "string" ? <Text size="sm">{value}</Text> : value}
    </Stack>
  );
}
