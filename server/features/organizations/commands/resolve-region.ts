import { type OrganizationKind, REGIONAL_KINDS, type TimeZoneCode } from "../../../../common/roles";
import { fieldError } from "../../../http/errors";
import { findRegion, regencyKind } from "../../regions/region-catalog";

/**
 * Checks the kode wilayah against the kind (provinsi: a province code; kabupaten/kota: a
 * regency code of the matching range) and derives the time zone unless one is chosen.
 */
export function resolveRegionAndZone(
  kind: OrganizationKind,
  regionCode: string | null | undefined,
  requestedZone: TimeZoneCode | null | undefined,
  parentZone: TimeZoneCode | null,
): { regionCode: string | null; timeZone: TimeZoneCode; overridden: boolean } {
  let derived: TimeZoneCode = parentZone ?? "WIB";
  if (REGIONAL_KINDS.includes(kind)) {
    if (!regionCode) throw fieldError("regionCode", "region_required");
    const region = findRegion(regionCode);
    if (!region) throw fieldError("regionCode", "region_unknown");
    const matches = kind === "provinsi" ? region.level === "province" : region.level === "regency" && regencyKind(region.code) === kind;
    if (!matches) throw fieldError("regionCode", "region_kind_mismatch");
    derived = region.timeZone;
  } else if (regionCode) {
    throw fieldError("regionCode", "region_not_allowed");
  }
  const timeZone = requestedZone ?? derived;
  return { regionCode: regionCode ?? null, timeZone, overridden: timeZone !== derived };
}
