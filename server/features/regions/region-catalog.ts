import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { TimeZoneCode } from "../../../common/roles";

/**
 * Kemendagri region codes (provinsi `NN`, kabupaten/kota `NN.NN`) from the idn-area-data
 * package (code MIT, data ODbL). Loaded once; 38 + 514 rows.
 */
export interface Region {
  code: string;
  name: string;
  provinceCode: string;
  level: "province" | "regency";
  timeZone: TimeZoneCode;
}

// Time zone by province: a geographic fact (UU/Keppres on time zones), not a tunable value.
const WITA = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);
export const provinceTimeZone = (provinceCode: string): TimeZoneCode =>
  WIT.has(provinceCode) ? "WIT" : WITA.has(provinceCode) ? "WITA" : "WIB";

function readCsv(file: string): string[][] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(","));
}

let cache: Map<string, Region> | null = null;

export function regionCatalog(): Map<string, Region> {
  if (cache) return cache;
  const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")), "data");
  const map = new Map<string, Region>();
  for (const [code, name] of readCsv(path.join(dataDir, "provinces.csv"))) {
    map.set(code, { code, name, provinceCode: code, level: "province", timeZone: provinceTimeZone(code) });
  }
  for (const [code, provinceCode, name] of readCsv(path.join(dataDir, "regencies.csv"))) {
    map.set(code, { code, name, provinceCode, level: "regency", timeZone: provinceTimeZone(provinceCode) });
  }
  cache = map;
  return map;
}

export function findRegion(code: string): Region | undefined {
  return regionCatalog().get(code);
}

/** Kabupaten codes are 01–69 and kota 71–99 within a province (DOMAIN.md §1). */
export function regencyKind(code: string): "kabupaten" | "kota" {
  return Number(code.split(".")[1]) >= 71 ? "kota" : "kabupaten";
}
