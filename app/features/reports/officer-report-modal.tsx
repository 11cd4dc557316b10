/** "Laporan" on the officer page: a period, then links to the PDF and the XLSX. */
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypePdf } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { REPORT_MAX_YEARS } from "../../../common/schemas/reports";
import { officerReportUrl } from "./reports-api";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function OfficerReportModal({ officerId, opened, onClose }: { officerId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const year = dayjs().year();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  // The same checks the server makes, shown before the click rather than as a failed download.
  const error = !ISO_DAY.test(from)
    ? { from: t("reports.dateRequired") }
    : !ISO_DAY.test(to)
      ? { to: t("reports.dateRequired") }
      : to < from
        ? { to: t("reports.dateOrder") }
        : dayjs(to).isAfter(dayjs(from).add(REPORT_MAX_YEARS, "year").subtract(1, "day"))
          ? { to: t("reports.rangeTooLong", { years: REPORT_MAX_YEARS }) }
          : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t("reports.officerTitle")} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("reports.officerHint")}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t("reports.from")}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={error?.from}
          />
          <TextInput type="date" label={t("reports.to")} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={error?.to} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            component="a"
            href={error ? undefined : officerReportUrl(officerId, "xlsx", from, to)}
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            disabled={error !== null}
            data-testid="report-xlsx"
          >
            {t("reports.downloadXlsx")}
          </Button>
          <Button
            component="a"
            href={error ? undefined : officerReportUrl(officerId, "pdf", from, to)}
            leftSection={<IconFileTypePdf size={16} />}
            disabled={error !== null}
            data-testid="report-pdf"
          >
            {t("reports.downloadPdf")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
