/** Roles granted per organization; a grant covers that organization's whole subtree (DESIGN.md). */
export const ROLES = ["admin", "coordinator", "leader", "editor", "officer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ["provinsi", "kabupaten", "kota", "opd", "unit_kerja", "instansi_vertikal"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Kinds that are a regional government and therefore carry a Kemendagri kode wilayah. */
export const REGIONAL_KINDS: readonly OrganizationKind[] = ["provinsi", "kabupaten", "kota"];

export const TIME_ZONES = ["WIB", "WITA", "WIT"] as const;
export type TimeZoneCode = (typeof TIME_ZONES)[number];

export const IANA_TIME_ZONE: Record<TimeZoneCode, string> = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
};

/** Indonesia keeps no daylight saving time, so each zone is a fixed offset. */
export const UTC_OFFSET: Record<TimeZoneCode, string> = { WIB: "+07:00", WITA: "+08:00", WIT: "+09:00" };

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const USER_STATUSES = ["invited", "active", "deactivated"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
