import type { MediaRoomAccountView } from "../../../common/schemas/media-room";
import type { Actor } from "../../policies/core";
import type { AccountRow } from "./account-queries";
import { mediaRoomAccountPolicy } from "./media-room.policy";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Whitelisted fields and what the staff member may do next with the account. */
export function presentAccount(row: AccountRow, actor: Actor): MediaRoomAccountView {
  const decide = mediaRoomAccountPolicy.can(actor, "decide", row);
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    journalistId: row.journalistId,
    name: row.name,
    email: row.email,
    outlet: row.outlet,
    role: row.role as MediaRoomAccountView["role"],
    pressCardNumber: row.pressCardNumber,
    phone: row.phone,
    status: row.status as MediaRoomAccountView["status"],
    decisionReason: row.decisionReason,
    decidedAt: iso(row.decidedAt),
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    can: {
      approve: decide && row.status === "pending",
      reject: decide && row.status === "pending",
      deactivate: decide && row.status === "approved",
    },
  };
}
