/** Navigation driven by SessionView.abilities: an item shows only when the server allows it. */
import { NavLink } from "@mantine/core";
import {
  IconAddressBook,
  IconBellRinging,
  IconBroadcast,
  IconBuildingCommunity,
  IconCalculator,
  IconCalendar,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconContract,
  IconDoorEnter,
  IconFlag,
  IconHistory,
  IconId,
  IconKey,
  IconListDetails,
  IconListSearch,
  IconMail,
  IconMicrophone,
  IconNews,
  IconNotebook,
  IconPhoto,
  IconRadar,
  IconReportAnalytics,
  IconRoute,
  IconRss,
  IconShare,
  IconSpeakerphone,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Ability, hasAbility, type SessionView } from "../features/auth/session";
import { useContentNavBadge } from "../features/content/content-nav";
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
  | "/reports"
  | "/content"
  | "/content/approval-chain"
  | "/media"
  | "/channels"
  | "/campaigns"
  | "/calendar"
  | "/amplifications"
  | "/media-outlets"
  | "/contact-lists"
  | "/press-events"
  | "/media-room"
  | "/media-contracts"
  | "/monitoring/articles"
  | "/monitoring/watchlists"
  | "/monitoring/analytics"
  | "/monitoring/intake"
  | "/monitoring/sources"
  | "/monitoring/alerts"
  | "/monitoring/issues";

interface NavItem {
  to: NavPath;
  label: string;
  icon: ReactNode;
  ability?: Ability;
  /** Shown only when true (for items that depend on more than an ability). */
  visible?: boolean;
  rightSection?: ReactNode;
  /** Items of one group are shown together under a collapsible parent (e.g. "Pemantauan Media"). */
  group?: "monitoring";
}

export function NavLinks({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const verification = useVerificationNav(session);
  const contentBadge = useContentNavBadge(session);
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
    { to: "/content", label: t("content.nav"), icon: <IconNews size={18} />, ability: "content.read", rightSection: contentBadge },
    { to: "/content/approval-chain", label: t("content.chainNav"), icon: <IconRoute size={18} />, ability: "content.approvalChains" },
    { to: "/media", label: t("media.nav"), icon: <IconPhoto size={18} />, ability: "media.read" },
    { to: "/channels", label: t("channels.nav"), icon: <IconBroadcast size={18} />, ability: "channels.manage" },
    { to: "/media-outlets", label: t("mediaRelations.nav"), icon: <IconMicrophone size={18} />, ability: "mediaRelations.read" },
    { to: "/contact-lists", label: t("distribution.nav"), icon: <IconAddressBook size={18} />, ability: "mediaRelations.read" },
    { to: "/press-events", label: t("pressEvents.nav"), icon: <IconCalendarEvent size={18} />, ability: "pressEvents.read" },
    { to: "/media-room", label: t("mediaRoom.nav"), icon: <IconDoorEnter size={18} />, ability: "mediaRoom.read" },
    { to: "/media-contracts", label: t("mediaCooperation.nav"), icon: <IconContract size={18} />, ability: "mediaCooperation.read" },
    {
      to: "/monitoring/articles",
      label: t("monitoringArticles.nav"),
      icon: <IconNews size={18} />,
      ability: "monitoringArticles.read",
      group: "monitoring",
    },
    {
      to: "/monitoring/watchlists",
      label: t("watchlists.nav"),
      icon: <IconListSearch size={18} />,
      ability: "monitoringArticles.read",
      group: "monitoring",
    },
    {
      to: "/monitoring/analytics",
      label: t("monitoringAnalytics.nav"),
      icon: <IconChartBar size={18} />,
      ability: "monitoringArticles.read",
      group: "monitoring",
    },
    {
      to: "/monitoring/intake",
      label: t("monitoringIntake.nav"),
      icon: <IconNotebook size={18} />,
      ability: "monitoringIntake.enter",
      group: "monitoring",
    },
    {
      to: "/monitoring/sources",
      label: t("monitoringSources.nav"),
      icon: <IconRss size={18} />,
      ability: "monitoringSources.read",
      group: "monitoring",
    },
    { to: "/monitoring/alerts", label: t("alerts.nav"), icon: <IconBellRinging size={18} />, ability: "alerts.read", group: "monitoring" },
    { to: "/monitoring/issues", label: t("issues.nav"), icon: <IconFlag size={18} />, ability: "issues.read", group: "monitoring" },
    { to: "/campaigns", label: t("campaigns.nav"), icon: <IconSpeakerphone size={18} />, ability: "campaigns.read" },
    { to: "/calendar", label: t("calendar.nav"), icon: <IconCalendar size={18} />, ability: "content.read" },
    { to: "/amplifications", label: t("amplifications.nav"), icon: <IconShare size={18} />, ability: "content.read" },
    { to: "/reports", label: t("reports.nav"), icon: <IconReportAnalytics size={18} />, visible: canUseReports(session) },
    { to: "/audit", label: t("nav.audit"), icon: <IconHistory size={18} />, ability: "audit.read" },
    { to: "/outbox", label: t("nav.outbox"), icon: <IconMail size={18} />, ability: "outbox.read" },
    { to: "/api-tokens", label: t("nav.apiTokens"), icon: <IconKey size={18} />, ability: "apiTokens.manage" },
    { to: "/account", label: t("nav.account"), icon: <IconUserCircle size={18} /> },
  ];

  const visibleItems = items.filter((item) => (!item.ability || hasAbility(session, item.ability)) && item.visible !== false);
  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      rightSection={item.rightSection}
      // The most specific item wins: /content/approval-chain is not also "Konten" (nor its aria-current).
      activeOptions={{ exact: items.some((o) => o.to.startsWith(`${item.to}/`)) }}
      active={
        pathname === item.to ||
        (pathname.startsWith(`${item.to}/`) && !items.some((o) => o.to.startsWith(`${item.to}/`) && pathname.startsWith(o.to)))
      }
    />
  );
  const GROUPS = { monitoring: { label: t("nav.monitoringGroup"), icon: <IconRadar size={18} /> } };

  return (
    <nav aria-label={t("nav.main")}>
      {visibleItems.map((item, i) => {
        if (!item.group) return link(item);
        // A group is drawn once, where its first item stands, holding all of its items.
        if (visibleItems.findIndex((o) => o.group === item.group) !== i) return null;
        const members = visibleItems.filter((o) => o.group === item.group);
        const open = members.some((o) => pathname === o.to || pathname.startsWith(`${o.to}/`));
        return (
          <NavLink
            key={`group-${item.group}`}
            label={GROUPS[item.group].label}
            leftSection={GROUPS[item.group].icon}
            defaultOpened={open}
            childrenOffset={12}
          >
            {members.map(link)}
          </NavLink>
        );
      })}
    </nav>
  );
}
