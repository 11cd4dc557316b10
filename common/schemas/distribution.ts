import { z } from "zod";
import { CONTACT_LIST_KINDS, RECIPIENT_STATUSES } from "../distribution-enums";
import { LIMITS } from "../limits";
import { DEWAN_PERS_STATUSES, JOURNALIST_ROLES, OUTLET_TYPES, UKW_LEVELS } from "../media-relations-enums";
import { can, id, paged, pageQuery } from "./shared";

export { CONTACT_LIST_KINDS, RECIPIENT_STATUSES };

const replyTo = z
  .email()
  .max(LIMITS.email)
  .transform((v) => v.trim().toLowerCase());

export const contactListFilters = z.strictObject({
  beat: z.string().trim().min(1).max(60).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}){0,3}$/)
    .optional(),
  outletType: z.enum(OUTLET_TYPES).optional(),
  dewanPersStatus: z.enum(DEWAN_PERS_STATUSES).optional(),
  ukwLevel: z.enum(UKW_LEVELS).optional(),
  role: z.enum(JOURNALIST_ROLES).optional(),
  outletId: id.optional(),
});

export const createContactListBody = z.strictObject({
  organizationId: id,
  name: z.string().trim().min(2).max(LIMITS.name),
  description: z.string().trim().max(1000).optional(),
  kind: z.enum(CONTACT_LIST_KINDS),
  filters: contactListFilters.optional(),
  journalistIds: z.array(id).max(5000).optional(),
});
export const updateContactListBody = z.strictObject({
  name: z.string().trim().min(2).max(LIMITS.name).optional(),
  description: z.string().trim().max(1000).optional(),
  filters: contactListFilters.optional(),
  journalistIds: z.array(id).max(5000).optional(),
});
/** The live count while a list is being edited: the same body as a create, nothing saved. */
export const previewContactListBody = z.strictObject({
  organizationId: id,
  kind: z.enum(CONTACT_LIST_KINDS),
  filters: contactListFilters.optional(),
  journalistIds: z.array(id).max(5000).optional(),
});

export const contactListQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  organizationId: id.optional(),
  kind: z.enum(CONTACT_LIST_KINDS).optional(),
});

export const recipientSample = z.object({ journalistId: id, name: z.string(), email: z.string() });
export const contactListCount = z.object({
  /** Journalists the list selects. */
  matched: z.number().int(),
  /** Of those: with an email and consent for release distribution, one per address. */
  eligible: z.number().int(),
  sample: z.array(recipientSample),
});

export const contactListView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(CONTACT_LIST_KINDS),
  filters: contactListFilters,
  journalistIds: z.array(id),
  eligible: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export const contactListList = paged(contactListView);
export type ContactListView = z.infer<typeof contactListView>;

export const distributionBody = z.strictObject({
  contentId: id,
  listIds: z.array(id).min(1).max(20),
  subject: z.string().trim().min(3).max(300).optional(),
  replyTo: replyTo.nullable().optional(),
  attachPhotos: z.boolean().default(true),
});

export const distributionPreview = z.object({
  subject: z.string(),
  replyTo: z.string().nullable(),
  from: z.string(),
  html: z.string(),
  text: z.string(),
  embargoUntil: z.string().nullable(),
  attachments: z.array(z.object({ fileName: z.string(), sizeBytes: z.number().int() })),
  pressKitUrl: z.string().nullable(),
  recipients: z.number().int(),
  unsubscribed: z.number().int(),
  ratePerMinute: z.number().int(),
});

export const distributionCounts = z.object({
  queued: z.number().int(),
  accepted: z.number().int(),
  deferred: z.number().int(),
  bounced: z.number().int(),
  skipped: z.number().int(),
  opened: z.number().int(),
});
export const distributionView = z.object({
  id,
  organizationId: id,
  contentId: id,
  contentTitle: z.string(),
  listNames: z.array(z.string()),
  subject: z.string(),
  replyTo: z.string().nullable(),
  ratePerMinute: z.number().int(),
  openTracking: z.boolean(),
  total: z.number().int(),
  counts: distributionCounts,
  done: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const distributionListQuery = pageQuery.extend({ contentId: id.optional() });
export const distributionList = paged(distributionView);
export type DistributionView = z.infer<typeof distributionView>;

export const recipientQuery = pageQuery.extend({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  q: z.string().trim().max(LIMITS.search).optional(),
});
export const recipientView = z.object({
  id,
  journalistId: id,
  name: z.string(),
  email: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  attempts: z.number().int(),
  smtpResponse: z.string().nullable(),
  sentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const recipientList = paged(recipientView);
export type RecipientView = z.infer<typeof recipientView>;

export const whatsappText = z.object({ text: z.string(), url: z.string(), embargoUntil: z.string().nullable() });

export const distributionSettingsQuery = z.object({ organizationId: id });
export const distributionSettingsBody = z.strictObject({
  organizationId: id,
  ratePerMinute: z.number().int().min(0).max(100_000),
  replyTo: replyTo.nullable(),
  openTracking: z.boolean(),
  maxAttachmentMb: z.number().int().min(0).max(25),
});
export const distributionSettingsView = z.object({
  organizationId: id,
  ratePerMinute: z.number().int(),
  replyTo: z.string().nullable(),
  openTracking: z.boolean(),
  maxAttachmentMb: z.number().int(),
  /** The organization whose row applies (itself or an ancestor); null: the defaults. */
  inheritedFrom: id.nullable(),
  can,
});

export const bounceResult = z.object({
  matched: z.boolean(),
  recipientId: id.nullable(),
  status: z.string().nullable(),
  action: z.string().nullable(),
  diagnostic: z.string().nullable(),
});
