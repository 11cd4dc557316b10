import { type Golongan, JENJANG_INFO, type Jenjang, PREDIKAT_NAME, type Predikat } from "../../../common/pranata-humas";
import { IANA_TIME_ZONE, type TimeZoneCode } from "../../../common/roles";

/** Pangkat (rank title) of each golongan ruang, as PP 99/2000 names them. */
export const PANGKAT: Record<Golongan, string> = {
  "II/a": "Pengatur Muda",
  "II/b": "Pengatur Muda Tingkat I",
  "II/c": "Pengatur",
  "II/d": "Pengatur Tingkat I",
  "III/a": "Penata Muda",
  "III/b": "Penata Muda Tingkat I",
  "III/c": "Penata",
  "III/d": "Penata Tingkat I",
  "IV/a": "Pembina",
  "IV/b": "Pembina Tingkat I",
  "IV/c": "Pembina Utama Muda",
  "IV/d": "Pembina Utama Madya",
  "IV/e": "Pembina Utama",
};

export const pangkatGolongan = (golongan: string) => `${PANGKAT[golongan as Golongan] ?? "-"}, ${golongan}`;
export const jenjangName = (jenjang: string) => JENJANG_INFO[jenjang as Jenjang]?.name ?? jenjang;
export const jabatan = (jenjang: string) => `Pranata Hubungan Masyarakat ${jenjangName(jenjang)}`;
export const predikatName = (predikat: string) => PREDIKAT_NAME[predikat as Predikat] ?? predikat;

export const STATUS_NAME: Record<string, string> = {
  draft: "Draf",
  submitted: "Diajukan",
  returned: "Dikembalikan",
  approved: "Disetujui",
};

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "2026-11-22" → "22 November 2026" (written out, as Indonesian letters date themselves). */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2026-03" → "Maret 2026". */
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A rating's months: "Januari – Desember 2025". */
export function monthRange(start: string, end: string): string {
  if (start === end) return monthName(start);
  return start.slice(0, 4) === end.slice(0, 4)
    ? `${MONTHS[Number(start.slice(5, 7)) - 1]} – ${monthName(end)}`
    : `${monthName(start)} – ${monthName(end)}`;
}

/** The calendar date of an instant in the organization's time zone, 'YYYY-MM-DD'. */
export function localDate(at: Date, timeZone: TimeZoneCode): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: IANA_TIME_ZONE[timeZone], year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

/** "dd/mm/yyyy" for table cells. */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

const ak = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatAk = (x: number | null) => (x === null ? "-" : ak.format(x));
