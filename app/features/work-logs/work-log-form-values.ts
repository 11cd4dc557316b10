/** Form values of a work-log entry and their mapping to the API bodies. */
import dayjs from "dayjs";
import type { CreateWorkLogBody, UpdateWorkLogBody, WorkLogView } from "./work-logs-api";

export interface WorkLogFormValues {
  hasilKerjaTypeId: string | null;
  /** `YYYY-MM-DDTHH:mm` in the device's time zone, as a datetime-local input holds it. */
  occurredAt: string;
  title: string;
  description: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
}

const LOCAL_FORMAT = "YYYY-MM-DDTHH:mm";

export const emptyValues = (): WorkLogFormValues => ({
  hasilKerjaTypeId: null,
  occurredAt: dayjs().format(LOCAL_FORMAT),
  title: "",
  description: "",
  place: "",
  latitude: null,
  longitude: null,
});

export const viewToValues = (log: WorkLogView): WorkLogFormValues => ({
  hasilKerjaTypeId: log.hasilKerjaTypeId,
  occurredAt: dayjs(log.occurredAt).format(LOCAL_FORMAT),
  title: log.title,
  description: log.description,
  place: log.place ?? "",
  latitude: log.latitude,
  longitude: log.longitude,
});

/** ISO 8601 with the device's offset, e.g. 2026-05-04T09:30:00+08:00. */
function toIso(local: string): string {
  const parsed = dayjs(local);
  return parsed.isValid() ? parsed.format("YYYY-MM-DDTHH:mm:ssZ") : "";
}

export function toUpdateBody(v: WorkLogFormValues): UpdateWorkLogBody {
  return {
    hasilKerjaTypeId: v.hasilKerjaTypeId ?? "",
    occurredAt: toIso(v.occurredAt),
    title: v.title.trim(),
    description: v.description.trim(),
    place: v.place.trim() || null,
    latitude: v.latitude,
    longitude: v.longitude,
  };
}

export function toCreateBody(officerId: string, v: WorkLogFormValues): CreateWorkLogBody {
  const { hasilKerjaTypeId, occurredAt, title, ...rest } = toUpdateBody(v);
  return { officerId, hasilKerjaTypeId: hasilKerjaTypeId ?? "", occurredAt: occurredAt ?? "", title: title ?? "", ...rest };
}

export function sameValues(a: WorkLogFormValues, b: WorkLogFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
