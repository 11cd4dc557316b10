import { z } from "zod";
import { LIMITS } from "../limits";
import { ROLES, USER_STATUSES } from "../roles";
import { can, email, id, paged, pageQuery, personName } from "./shared";

export const grantInput = z.strictObject({ organizationId: id, role: z.enum(ROLES) });

export const inviteUserBody = z.strictObject({
  email,
  name: personName,
  grants: z.array(grantInput).min(1).max(20),
});

export const userGrantView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  role: z.enum(ROLES),
  can,
});

export const userView = z.object({
  id,
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  twoFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(userGrantView),
  can,
});
export type UserView = z.infer<typeof userView>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  organizationId: id.optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  sort: z.enum(["name", "-name", "email", "-email", "createdAt", "-createdAt"]).default("name"),
});
export const userList = paged(userView).extend({ can });
