/** Bottom of the navbar: who is signed in, and the sign-out button. */
import { Box, Button, Text } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { clearSession, type SessionView } from "../features/auth/session";

export function UserPanel({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api<void>("/auth/logout", { method: "POST", allowUnauthorized: true }),
    // Whatever the server says, the user asked to leave: forget the session locally too.
    onSettled: async () => {
      await navigate({ to: "/sign-in" });
      clearSession(queryClient);
    },
  });

  return (
    <Box p="xs" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
      <Text size="sm" fw={600} truncate="end">
        {session.user.name}
      </Text>
      <Text size="xs" c="dimmed" truncate="end" mb="xs">
        {session.user.email}
      </Text>
      <Button
        variant="light"
        color="gray"
        fullWidth
        leftSection={<IconLogout size={16} />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        {t("nav.signOut")}
      </Button>
    </Box>
  );
}
