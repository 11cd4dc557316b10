/**
 * The "Verifikasi" navigation entry: shown when entries wait for the user's decision, or when
 * the user is a registry keeper (who may decide in their agency), with the waiting count.
 */
import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { SessionView } from "../auth/session";
import { useQueueCount } from "./work-logs-api";

export function useVerificationNav(session: SessionView): { visible: boolean; badge: ReactNode } {
  const count = useQueueCount(session.abilities["workLogs.read"] === true).data?.count ?? 0;
  return {
    visible: count > 0 || session.abilities["workLogs.decide"] === true,
    badge:
      count > 0 ? (
        <Badge size="sm" circle={count < 10} color="red" data-testid="queue-count">
          {count}
        </Badge>
      ) : null,
  };
}
