/** "Entri & impor" of media monitoring: manual print/TV/radio items with OCR, CSV import, social sources. */
import { Button, Paper, Tabs, Text } from "@mantine/core";
import { IconBrandX, IconFileSpreadsheet, IconNews } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { hasAbility, useSession } from "../auth/session";
import { CsvImportModal } from "./csv-import-modal";
import { ManualEntryForm } from "./manual-entry-form";
import { SocialSourcesPanel } from "./social-sources-panel";

export function MonitoringIntakePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [csvOpen, setCsvOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t("monitoringIntake.title")}
        description={t("monitoringIntake.description")}
        actions={
          <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => setCsvOpen(true)}>
            {t("monitoringIntake.csv.open")}
          </Button>
        }
      />
      <Tabs defaultValue="manual" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="manual" leftSection={<IconNews size={16} />}>
            {t("monitoringIntake.manual.tab")}
          </Tabs.Tab>
          <Tabs.Tab value="social" leftSection={<IconBrandX size={16} />}>
            {t("monitoringIntake.social.tab")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="manual">
          <Paper withBorder p="md" radius="md" maw={960}>
            <Text size="sm" c="dimmed" mb="md">
              {t("monitoringIntake.manual.help")}
            </Text>
            <ManualEntryForm />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="social">
          <SocialSourcesPanel canManage={hasAbility(session, "monitoringIntake.social")} />
        </Tabs.Panel>
      </Tabs>
      <CsvImportModal opened={csvOpen} onClose={() => setCsvOpen(false)} />
    </>
  );
}
