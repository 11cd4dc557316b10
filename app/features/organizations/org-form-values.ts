/** Form state of the organization drawer and its mapping to API bodies. */
import { type OrganizationKind, REGIONAL_KINDS, type TimeZoneCode } from "../../../common/roles";
import { blankToNull } from "../../lib/form-errors";
import type { CreateOrganizationBody, OrganizationView, UpdateOrganizationBody } from "./organizations-api";

export interface OrgFormValues {
  name: string;
  shortName: string;
  kind: OrganizationKind;
  parentId: string | null;
  /** UI-only: narrows the regency list; not sent. */
  province: string | null;
  regionCode: string | null;
  timeZone: TimeZoneCode | null;
  email: string;
  phone: string;
  address: string;
  website: string;
}

export function emptyOrgValues(parentId: string | null): OrgFormValues {
  return {
    name: "",
    shortName: "",
    kind: "opd",
    parentId,
    province: null,
    regionCode: null,
    timeZone: null,
    email: "",
    phone: "",
    address: "",
    website: "",
  };
}

export function orgToValues(org: OrganizationView): OrgFormValues {
  return {
    name: org.name,
    shortName: org.shortName,
    kind: org.kind,
    parentId: org.parentId,
    province: org.regionCode ? org.regionCode.slice(0, 2) : null,
    regionCode: org.regionCode,
    timeZone: org.timeZone,
    email: org.email ?? "",
    phone: org.phone ?? "",
    address: org.address ?? "",
    website: org.website ?? "",
  };
}

export function isRegional(kind: OrganizationKind): boolean {
  return REGIONAL_KINDS.includes(kind);
}

function fields(values: OrgFormValues) {
  const { province: _province, parentId: _parentId, ...rest } = values;
  const cleaned = blankToNull({ ...rest, name: rest.name.trim(), shortName: rest.shortName.trim() });
  return { ...cleaned, regionCode: isRegional(values.kind) ? values.regionCode : null };
}

export function toCreateBody(values: OrgFormValues): CreateOrganizationBody {
  const body = fields(values);
  // Leave the time zone out when unset so the server derives it (region or parent).
  return { ...body, timeZone: body.timeZone ?? undefined, parentId: values.parentId };
}

/** PATCH only what changed, so untouched fields (e.g. an inherited time zone) stay as they are. */
export function toUpdateBody(values: OrgFormValues, initial: OrgFormValues): UpdateOrganizationBody {
  const next = fields(values) as Record<string, unknown>;
  const before = fields(initial) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (next[key] !== before[key]) body[key] = next[key];
  }
  return body as UpdateOrganizationBody;
}
