/** Navigation driven by SessionView.abilities: an item shows only when the server allows it. */
import { NavLink } from "@mantine/core";
import { IconBuildingCommunity, IconHistory, IconKey, IconMail, IconUserCircle, IconUsers } from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Ability, hasAbility, type SessionView } from "../features/auth/session";

type NavPath = "/organizations" | "/users" | "/audit" | "/outbox" | "/api-tokens" | "/account";

interface NavItem {
  to: NavPath;
  label: string;
  icon: ReactNode;
  ability?: Ability;
}

export function NavLinks({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items: NavItem[] = [
    { to: "/organizations", label: t("nav.organizations"), icon: <IconBuildingCommunity size={18} />, ability: "organizations.read" },
    { to: "/users", label: t("nav.users"), icon: <IconUsers size={18} />, ability: "users.read" },
    { to: "/audit", label: t("nav.audit"), icon: <IconHistory size={18} />, ability: "audit.read" },
    { to: "/outbox", label: t("nav.outbox"), icon: <IconMail size={18} />, ability: "outbox.read" },
    { to: "/api-tokens", label: t("nav.apiTokens"), icon: <IconKey size={18} />, ability: "apiTokens.manage" },
    { to: "/account", label: t("nav.account"), icon: <IconUserCircle size={18} /> },
  ];

  return (
    <nav aria-label={t("nav.main")}>
      {items
        .filter((item) => !item.ability || hasAbility(session, item.ability))
        .map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          />
        ))}
    </nav>
  );
}
