import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles";
import type { Actor } from "../../policies/core";
import { pressEventPolicy } from "./press-events.policy";

const actor = (role: Role, path: string): Actor => ({
  kind: "user",
  userId: "u",
  name: "Uji",
  grants: [{ organizationId: "o", path, role }],
});
const event = { path: "/prov/dinkes/" };

describe("press event policy", () => {
  it("lets media managers of the subtree run events and readers only read", () => {
    for (const role of ["admin", "coordinator", "editor", "officer"] as const) {
      expect(pressEventPolicy.abilities(actor(role, "/prov/"), event)).toEqual({ read: true, manage: true });
    }
    for (const role of ["leader", "viewer"] as const) {
      expect(pressEventPolicy.abilities(actor(role, "/prov/dinkes/"), event)).toEqual({ read: true, manage: false });
    }
  });

  it("gives nothing outside the actor's subtree", () => {
    expect(pressEventPolicy.abilities(actor("admin", "/prov/dispar/"), event)).toEqual({ read: false, manage: false });
  });
});
