import { z } from "zod";
import { LIMITS } from "../limits";
import { LOCALES, ROLES } from "../roles";
import { email, id, personName } from "./shared";

export const password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export const twoFactorBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const grantView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  role: z.enum(ROLES),
});

export const sessionView = z.object({
  user: z.object({
    id,
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    locale: z.enum(LOCALES),
    emailNotifications: z.boolean(),
    twoFactorEnabled: z.boolean(),
  }),
  grants: z.array(grantView),
  csrfToken: z.string(),
  /** Global abilities that drive navigation. */
  abilities: z.record(z.string(), z.boolean()),
});
export type SessionView = z.infer<typeof sessionView>;

export const loginResult = z.union([z.object({ twoFactorRequired: z.literal(true), csrfToken: z.string() }), sessionView]);

export const resetRequestBody = z.strictObject({ email });
export const resetConfirmBody = z.strictObject({ token: z.string().min(10).max(200), password });

export const invitationView = z.object({
  email: z.string(),
  name: z.string(),
  organizations: z.array(z.object({ name: z.string(), role: z.enum(ROLES) })),
});
export const acceptInvitationBody = z.strictObject({ name: personName, password });

export const updateMeBody = z.strictObject({
  name: personName.optional(),
  phone: z.string().trim().max(LIMITS.phone).nullable().optional(),
  locale: z.enum(LOCALES).optional(),
  emailNotifications: z.boolean().optional(),
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: password,
});
export const twoFactorSetupView = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const twoFactorDisableBody = z.strictObject({ password: z.string().min(1).max(LIMITS.passwordMax) });

export const sessionItem = z.object({
  id,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
