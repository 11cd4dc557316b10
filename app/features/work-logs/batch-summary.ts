/** One notification for a batch step: "2 disetujui, 1 gagal". */
import { notifications } from "@mantine/notifications";
import i18n from "../../i18n";
import type { BatchResult } from "./work-logs-api";

export type BatchAction = "submit" | "approve" | "return";

export function notifyBatch(action: BatchAction, result: BatchResult): void {
  const ok = result.results.filter((r) => r.ok).length;
  const failed = result.results.length - ok;
  const parts = [];
  if (ok > 0) parts.push(i18n.t(`workLogs.batch.${action}`, { count: ok }));
  if (failed > 0) parts.push(i18n.t("workLogs.batch.failed", { count: failed }));
  notifications.show({
    color: failed === 0 ? "teal" : ok === 0 ? "red" : "yellow",
    title: failed > 0 ? i18n.t("workLogs.batch.partialTitle") : undefined,
    message: parts.join(", "),
  });
}
