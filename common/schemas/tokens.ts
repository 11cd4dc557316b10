import { z } from "zod";
import { LIMITS } from "../limits";
import { ROLES } from "../roles";
import { can, id } from "./shared";

export const createApiTokenBody = z.strictObject({
  name: z.string().trim().min(2).max(LIMITS.name),
  organizationId: id,
  role: z.enum(ROLES),
  expiresAt: z.iso.date().nullable().optional(),
});
export const apiTokenView = z.object({
  id,
  name: z.string(),
  organizationId: id,
  organizationName: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  can,
});
export const createdApiToken = apiTokenView.extend({ token: z.string() });
export const apiTokenList = z.object({ items: z.array(apiTokenView), can });
