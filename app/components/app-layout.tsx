/** Shell of the signed-in area: header with burger (phones), navbar, and the page outlet. */
import { AppShell, Burger, Group, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet, useRouterState } from "@tanstack/react-router";
import { useState } from "react";
import { useOptionalSession } from "../features/auth/session";
import { NotificationBell } from "../features/notifications/notification-bell";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { UserPanel } from "./user-panel";

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useOptionalSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // On phones the navbar covers the page; close it once the user has picked a page
  // (state adjusted during render, React's recommended alternative to an effect).
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    close();
  }

  // The route guard ensures a session; after sign-out it is briefly null while we navigate away.
  if (!session) return null;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Text fw={700} size="lg" c="indigo.7">
              Sinergi
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <NavLinks session={session} />
        </AppShell.Section>
        <AppShell.Section>
          <UserPanel session={session} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
