/** "Peringatan": live alerts (SSE, opened by the header bell), the alert rules with their channels, and the daily briefing. */
import { Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { hasAbility, useSession } from "../auth/session";
import { AlertList } from "./alert-list";
import { BriefingPanel } from "./briefing-panel";
import { useLiveAlerts } from "./live-alerts";
import { RuleList } from "./rule-list";

export function AlertsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const live = useLiveAlerts();
  const [tab, setTab] = useState<string | null>("alerts");
  const canManage = hasAbility(session, "alerts.manage");
  return (
    <>
      <PageHeader title={t("alerts.title")} description={t("alerts.description")} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="alerts">{t("alerts.tabAlerts")}</Tabs.Tab>
          <Tabs.Tab value="rules">{t("alerts.tabRules")}</Tabs.Tab>
          {hasAbility(session, "briefing.manage") && <Tabs.Tab value="briefing">{t("alerts.tabBriefing")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="alerts">
          <AlertList live={live} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <RuleList canCreate={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="briefing">
          <BriefingPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
