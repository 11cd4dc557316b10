import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { emailList } from "../../../common/schemas/outbox";
import { api } from "../../api/client";

export type EmailList = z.infer<typeof emailList>;
export type EmailView = EmailList["items"][number];
export const OUTBOX_PAGE_SIZE = 50;

export function useOutbox(filters: { q?: string; page?: number }) {
  return useQuery({
    queryKey: ["outbox", filters],
    queryFn: () => api<EmailList>("/outbox", { query: { ...filters, pageSize: OUTBOX_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}
