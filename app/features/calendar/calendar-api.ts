/** The content calendar's query and its iCal export link (same filters). */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CalendarEntry, CalendarView } from "../../../common/schemas/campaigns";
import type { ContentType } from "../../../common/schemas/content";
import { API_BASE, api, toQueryString } from "../../api/client";

export type { CalendarEntry };

export interface CalendarFilters {
  organizationId?: string;
  type?: ContentType;
  status?: "approved" | "scheduled" | "published";
  campaignId?: string;
}

export function useCalendar(range: { from: string; to: string }, filters: CalendarFilters) {
  return useQuery({
    queryKey: ["calendar", range, filters],
    queryFn: () => api<CalendarView>("/calendar", { query: { ...range, ...filters } }),
    placeholderData: keepPreviousData,
  });
}

export const calendarIcsUrl = (range: { from: string; to: string }, filters: CalendarFilters) =>
  `${API_BASE}/calendar.ics${toQueryString({ ...range, ...filters })}`;
