/** Navigation driven by SessionView.abilities: an item shows only when the server allows it. */
import { NavLink } from "@mantine/core";
import {
  IconBuildingCommunity,
  IconCalculator,
  IconChartBar,
  IconChecklist,
  IconHistory,
  IconId,
  IconKey,
  IconListDetails,
  IconMail,
  IconNotebook,
  IconReportAnalytics,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Ability, hasAbility, type SessionView } from "../features/auth/session";
import { canUseReports } from "../features/reports/reports-api";
import { useVerificationNav } from "../features/work-logs/verification-nav";

type NavPath =
  | "/organizations"
  | "/users"
  | "/officers"
  | "/dashboard"
  | "/catalogue"
  | "/ak-rules"
  | "/audit"
  | "/outbox"
  | "/api-tokens"
  | "/account"
  | "/work-logs"
  | "/verification"
  | "/reports";

interface NavItem {
  to: NavPath;
  label: string;
  icon: ReactNode;
  ability?: Ability;
  /** Shown only when true (for items that depend on more than an ability). */
  visible?: boolean;
  rightSection?: ReactNode;
}

export function NavLinks({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const verification = useVerificationNav(session);
  const items: NavItem[] = [
    { to: "/organizations", label: t("nav.organizations"), icon: <IconBuildingCommunity size={18} />, ability: "organizations.read" },
    { to: "/users", label: t("nav.users"), icon: <IconUsers size={18} />, ability: "users.read" },
    { to: "/dashboard", label: t("nav.dashboard"), icon: <IconChartBar size={18} />, ability: "dashboard.read" },
    { to: "/officers", label: t("nav.officers"), icon: <IconId size={18} />, ability: "officers.read" },
    { to: "/catalogue", label: t("nav.catalogue"), icon: <IconListDetails size={18} />, ability: "catalogue.read" },
    { to: "/ak-rules", label: t("nav.akRules"), icon: <IconCalculator size={18} />, ability: "catalogue.read" },
    { to: "/work-logs", label: t("workLogs.nav"), icon: <IconNotebook size={18} />, ability: "workLogs.read" },
    {
      to: "/verification",
      label: t("workLogs.queueNav"),
      icon: <IconChecklist size={18} />,
      ability: "workLogs.read",
      visible: verification.visible,
      rightSection: verification.badge,
    },
    { to: "/reports", label: t("reports.nav"), icon: <IconReportAnalytics size={18} />, visible: canUseReports(session) },
    { to: "/audit", label: t("nav.audit"), icon: <IconHistory size={18} />, ability: "audit.read" },
    { to: "/outbox", label: t("nav.outbox"), icon: <IconMail size={18} />, ability: "outbox.read" },
    { to: "/api-tokens", label: t("nav.apiTokens"), icon: <IconKey size={18} />, ability: "apiTokens.manage" },
    { to: "/account", label: t("nav.account"), icon: <IconUserCircle size={18} /> },
  ];

  return (
    <nav aria-label={t("nav.main")}>
      {items
        .filter((item) => (!item.ability || hasAbility(session, item.ability)) && item.visible !== false)
        .map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            rightSection={item.rightSection}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          />
        ))}
    </nav>
  );
}
