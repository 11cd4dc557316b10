import { z } from "zod";
import { JOURNALIST_ROLES } from "../media-relations-enums";
import { MEDIA_ROOM_STATUSES } from "../media-room-enums";
import { can, id, paged, pageQuery } from "./shared";

export { MEDIA_ROOM_STATUSES };

/** Staff list of media-room applications and accounts. */
export const mediaRoomAccountQuery = pageQuery.extend({
  status: z.enum(MEDIA_ROOM_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});

export const mediaRoomAccountView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  journalistId: id.nullable(),
  name: z.string(),
  email: z.string(),
  outlet: z.string(),
  role: z.enum(JOURNALIST_ROLES),
  pressCardNumber: z.string(),
  phone: z.string(),
  status: z.enum(MEDIA_ROOM_STATUSES),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  can,
});
export type MediaRoomAccountView = z.infer<typeof mediaRoomAccountView>;
export const mediaRoomAccountList = paged(mediaRoomAccountView);

/** Approving links the account to a journalist record: an existing one, or one created from the application. */
export const approveAccountBody = z.strictObject({
  journalistId: id.nullable().optional(),
  createJournalist: z.boolean().optional(),
});
export const rejectAccountBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const deactivateAccountBody = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const embargoViewQuery = pageQuery.extend({ contentId: id.optional() });
export const embargoViewRow = z.object({
  id,
  contentId: id,
  contentTitle: z.string(),
  accountId: id,
  journalistName: z.string(),
  outlet: z.string(),
  what: z.enum(["page", "press_kit"]),
  ip: z.string().nullable(),
  embargoUntil: z.string(),
  viewedAt: z.string(),
});
export type EmbargoViewRow = z.infer<typeof embargoViewRow>;
export const embargoViewList = paged(embargoViewRow);
