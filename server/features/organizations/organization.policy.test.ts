import { describe, expect, it } from "vitest";
import type { Actor } from "../../policies/core";
import { organizationPolicy } from "./organization.policy";

const as = (role: Actor["grants"][number]["role"], path = "/p/"): Actor => ({
  kind: "user",
  userId: "u",
  name: "U",
  grants: [{ organizationId: "g", path, role }],
});
const root = { path: "/p/", parentId: null, active: true };
const opd = { path: "/p/d/", parentId: "p", active: true };

describe("organization policy", () => {
  it("admins shape the tree below their grant but not the grant's own top", () => {
    expect(organizationPolicy.can(as("admin"), "createChild", root)).toBe(true);
    expect(organizationPolicy.can(as("admin"), "update", opd)).toBe(true);
    expect(organizationPolicy.can(as("admin"), "move", opd)).toBe(true);
    expect(organizationPolicy.can(as("admin"), "move", root)).toBe(false);
    expect(organizationPolicy.can(as("admin", "/p/d/"), "deactivate", opd)).toBe(false);
    expect(organizationPolicy.can(as("admin", "/p/d/"), "update", root)).toBe(false);
  });

  it("other roles read; coordinators invite; nobody adds under an inactive organization", () => {
    for (const role of ["coordinator", "leader", "editor", "officer", "viewer"] as const) {
      expect(organizationPolicy.can(as(role), "read", opd)).toBe(true);
      expect(organizationPolicy.can(as(role), "update", opd)).toBe(false);
    }
    expect(organizationPolicy.can(as("coordinator"), "invite", opd)).toBe(true);
    expect(organizationPolicy.can(as("editor"), "invite", opd)).toBe(false);
    expect(organizationPolicy.can(as("admin"), "createChild", { ...opd, active: false })).toBe(false);
    expect(organizationPolicy.can(as("viewer", "/q/"), "read", opd)).toBe(false);
  });
});
