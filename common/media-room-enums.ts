/** Media-room account states, zod-free so the staff app's router can use them. */
export const MEDIA_ROOM_STATUSES = ["pending", "approved", "rejected", "deactivated"] as const;
export type MediaRoomStatus = (typeof MEDIA_ROOM_STATUSES)[number];
