import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/roles";
import type { Actor } from "../../policies/core";
import { mediaPolicy } from "./media.policy";

const as = (role: Role, path = "/p/", userId = "u"): Actor => ({
  kind: "user",
  userId,
  name: "U",
  grants: [{ organizationId: "g", path, role }],
});
const asset = (createdBy: string | null = "someone") => ({ path: "/p/d/", createdBy });

describe("media policy", () => {
  it("every role in scope reads; writers upload and edit; nobody outside the subtree does anything", () => {
    for (const role of ["admin", "coordinator", "leader", "editor", "officer", "viewer"] as const)
      expect(mediaPolicy.can(as(role), "read", asset())).toBe(true);
    for (const role of ["admin", "coordinator", "editor", "officer"] as const) {
      expect(mediaPolicy.can(as(role), "upload", asset())).toBe(true);
      expect(mediaPolicy.can(as(role), "edit", asset())).toBe(true);
    }
    for (const role of ["leader", "viewer"] as const) {
      expect(mediaPolicy.can(as(role), "upload", asset())).toBe(false);
      expect(mediaPolicy.can(as(role), "edit", asset())).toBe(false);
    }
    const elsewhere = as("admin", "/q/");
    expect(mediaPolicy.abilities(elsewhere, asset())).toEqual({ read: false, upload: false, edit: false, delete: false });
  });

  it("editors and above delete any asset, an officer only their own, a former writer not even that", () => {
    expect(mediaPolicy.can(as("editor"), "delete", asset())).toBe(true);
    expect(mediaPolicy.can(as("coordinator"), "delete", asset())).toBe(true);
    expect(mediaPolicy.can(as("officer"), "delete", asset())).toBe(false);
    expect(mediaPolicy.can(as("officer"), "delete", asset("u"))).toBe(true);
    expect(mediaPolicy.can(as("viewer"), "delete", asset("u"))).toBe(false);
    expect(mediaPolicy.can({ ...as("editor"), kind: "token", userId: null }, "delete", asset(null))).toBe(true);
  });
});
