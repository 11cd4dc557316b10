/** The "Konten" navigation badge: how many items wait for the user's approval. */
import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import { hasAbility, type SessionView } from "../auth/session";
import { useContentQueueCount } from "./content-api";

export function useContentNavBadge(session: SessionView): ReactNode {
  const count = useContentQueueCount(hasAbility(session, "content.read")).data ?? 0;
  return count > 0 ? (
    <Badge size="sm" circle={count < 10} color="red" data-testid="content-queue-count">
      {count}
    </Badge>
  ) : null;
}
