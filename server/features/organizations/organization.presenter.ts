import type { OrganizationKind, TimeZoneCode } from "../../../common/roles";
import type { OrganizationView } from "../../../common/schemas/organizations";
import type { Actor } from "../../policies/core";
import { findRegion } from "../regions/region-catalog";
import { organizationPolicy } from "./organization.policy";
import type { OrganizationListRow, OrganizationRow } from "./organization-queries";

export function presentOrganization(row: OrganizationListRow, actor: Actor, depth = row.depth): OrganizationView {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    shortName: row.shortName,
    slug: row.slug,
    kind: row.kind as OrganizationKind,
    regionCode: row.regionCode,
    regionName: row.regionCode ? (findRegion(row.regionCode)?.name ?? null) : null,
    timeZone: row.timeZone as TimeZoneCode,
    timeZoneOverridden: row.timeZoneOverridden,
    email: row.email,
    phone: row.phone,
    address: row.address,
    website: row.website,
    hasLogo: row.logoKey !== null,
    active: row.active,
    depth,
    can: organizationPolicy.abilities(actor, row),
  };
}

/** The audited shape of an organization: its fields without derived ones. */
export function auditShape(row: OrganizationRow) {
  const { createdAt, updatedAt, path, depth, ...rest } = row;
  return rest;
}
