import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles";
import type { Actor } from "../../policies/core";
import { embargoLogPolicy, mediaRoomAccountPolicy } from "./media-room.policy";

const actor = (role: Role, path: string): Actor => ({
  kind: "user",
  userId: "u",
  name: "U",
  grants: [{ organizationId: "o", path, role }],
});
const account = { path: "/root/dinkes/" };

describe("media room policies", () => {
  it("lets those who answer for press relations decide, every media reader read, within the subtree only", () => {
    for (const role of ["admin", "coordinator", "editor"] as const) {
      expect(mediaRoomAccountPolicy.can(actor(role, "/root/"), "decide", account), role).toBe(true);
    }
    for (const role of ["officer", "leader", "viewer"] as const) {
      expect(mediaRoomAccountPolicy.can(actor(role, "/root/dinkes/"), "decide", account), role).toBe(false);
      expect(mediaRoomAccountPolicy.can(actor(role, "/root/dinkes/"), "read", account), role).toBe(true);
      expect(embargoLogPolicy.can(actor(role, "/root/dinkes/"), "read", account), role).toBe(true);
    }
    // A sibling agency's editor neither reads nor decides.
    expect(mediaRoomAccountPolicy.can(actor("editor", "/root/dispar/"), "read", account)).toBe(false);
    expect(mediaRoomAccountPolicy.can(actor("editor", "/root/dispar/"), "decide", account)).toBe(false);
    expect(embargoLogPolicy.can(actor("editor", "/root/dispar/"), "read", account)).toBe(false);
  });
});
