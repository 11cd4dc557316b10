import { z } from "zod";
import { LIMITS } from "../limits";
import { ORGANIZATION_KINDS, TIME_ZONES } from "../roles";
import { can, id } from "./shared";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const organizationFields = {
  name: z.string().trim().min(2).max(LIMITS.name),
  shortName: z.string().trim().min(1).max(LIMITS.shortName),
  kind: z.enum(ORGANIZATION_KINDS),
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/)
    .nullable()
    .optional(),
  timeZone: z.enum(TIME_ZONES).nullable().optional(),
  email: z.email().max(LIMITS.email).nullable().optional(),
  phone: optionalText(LIMITS.phone),
  address: optionalText(LIMITS.address),
  website: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.url)
    .nullable()
    .optional(),
};

export const createOrganizationBody = z.strictObject({
  ...organizationFields,
  parentId: id.nullable(),
});
export const updateOrganizationBody = z.strictObject({
  name: organizationFields.name.optional(),
  shortName: organizationFields.shortName.optional(),
  kind: organizationFields.kind.optional(),
  regionCode: organizationFields.regionCode,
  timeZone: organizationFields.timeZone,
  email: organizationFields.email,
  phone: organizationFields.phone,
  address: organizationFields.address,
  website: organizationFields.website,
});
export const moveOrganizationBody = z.strictObject({ parentId: id });

export const organizationView = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  shortName: z.string(),
  slug: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  timeZone: z.enum(TIME_ZONES),
  timeZoneOverridden: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  hasLogo: z.boolean(),
  active: z.boolean(),
  depth: z.number().int(),
  can,
});
export type OrganizationView = z.infer<typeof organizationView>;

export const organizationListQuery = z.object({
  q: z.string().trim().max(LIMITS.search).optional(),
  includeInactive: z.enum(["true", "false"]).optional(),
});
export const organizationList = z.object({ items: z.array(organizationView), can });

export const regionView = z.object({ code: z.string(), name: z.string(), timeZone: z.enum(TIME_ZONES) });
export const regionQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
