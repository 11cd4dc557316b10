/** Display names of the Pranata Humas codes (jenjang names are the official Indonesian terms). */
import { JENJANG, JENJANG_INFO, type Jenjang, KATEGORI, PREDIKAT } from "../../../common/pranata-humas";
import i18n from "../../i18n";

export function jenjangName(code: string | null | undefined): string {
  if (!code) return "—";
  return code in JENJANG_INFO ? JENJANG_INFO[code as Jenjang].name : code;
}

/** Jenjang options grouped by kategori (keterampilan, keahlian), for Mantine Select. */
export const jenjangOptions = () =>
  KATEGORI.map((k) => ({
    group: i18n.t(`kategori.${k}`),
    items: JENJANG.filter((j) => JENJANG_INFO[j].kategori === k).map((j) => ({ value: j, label: JENJANG_INFO[j].name })),
  }));

export const predikatOptions = () => PREDIKAT.map((p) => ({ value: p, label: i18n.t(`predikat.${p}`) }));
