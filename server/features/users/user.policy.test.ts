import { describe, expect, it } from "vitest";
import type { Actor } from "../../policies/core";
import { grantableRoles, grantPolicy, userPolicy } from "./user.policy";

const as = (grants: [Actor["grants"][number]["role"], string][], userId = "me"): Actor => ({
  kind: "user",
  userId,
  name: "U",
  grants: grants.map(([role, path]) => ({ organizationId: path, path, role })),
});

describe("user and grant policies", () => {
  it("admins grant every role, coordinators all but admin, others none", () => {
    expect(grantableRoles(as([["admin", "/p/"]]), "/p/d/")).toContain("admin");
    expect(grantableRoles(as([["coordinator", "/p/"]]), "/p/d/")).not.toContain("admin");
    expect(grantableRoles(as([["coordinator", "/p/"]]), "/p/d/")).toContain("editor");
    expect(grantableRoles(as([["editor", "/p/d/"]]), "/p/d/")).toEqual([]);
    expect(grantPolicy.can(as([["admin", "/p/d/"]]), "create", { path: "/p/e/", role: "officer" })).toBe(false);
  });

  it("editors read users of their subtree only", () => {
    const user = { id: "x", status: "active", grantPaths: ["/p/d/u/"] };
    expect(userPolicy.can(as([["editor", "/p/d/"]]), "read", user)).toBe(true);
    expect(userPolicy.can(as([["editor", "/p/e/"]]), "read", user)).toBe(false);
    expect(userPolicy.can(as([["officer", "/p/d/"]]), "read", user)).toBe(false);
  });

  it("deactivation needs an admin over every grant of the user, and never oneself", () => {
    const user = { id: "x", status: "active", grantPaths: ["/p/d/", "/p/"] };
    expect(userPolicy.can(as([["admin", "/p/d/"]]), "deactivate", user)).toBe(false);
    expect(userPolicy.can(as([["admin", "/p/"]]), "deactivate", user)).toBe(true);
    expect(userPolicy.can(as([["admin", "/p/"]], "x"), "deactivate", user)).toBe(false);
    expect(userPolicy.can(as([["admin", "/p/"]]), "reactivate", { ...user, status: "deactivated" })).toBe(true);
    expect(userPolicy.can(as([["coordinator", "/p/"]]), "resendInvitation", { ...user, status: "invited" })).toBe(true);
    expect(userPolicy.can(as([["coordinator", "/p/"]]), "resendInvitation", user)).toBe(false);
  });
});
