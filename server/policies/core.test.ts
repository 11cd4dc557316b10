import { describe, expect, it } from "vitest";
import { type Actor, hasAnyRole, rolesOn, scopeRoots } from "./core";
import { navigationAbilities } from "./navigation";
import { isSystemAdmin } from "./system";

const actor = (grants: Actor["grants"]): Actor => ({ kind: "user", userId: "u", name: "U", grants });

describe("policy core", () => {
  const a = actor([
    { organizationId: "p", path: "/p/", role: "viewer" },
    { organizationId: "d", path: "/p/d/", role: "editor" },
    { organizationId: "x", path: "/x/", role: "officer" },
  ]);

  it("a grant covers its organization's whole subtree and nothing above it", () => {
    expect([...rolesOn(a, "/p/d/u/")].sort()).toEqual(["editor", "viewer"]);
    expect([...rolesOn(a, "/p/")]).toEqual(["viewer"]);
    expect(rolesOn(a, "/q/").size).toBe(0);
    expect(hasAnyRole(a, "/p/d/", ["editor"])).toBe(true);
    expect(hasAnyRole(a, "/p/e/", ["editor"])).toBe(false);
  });

  it("scope roots drop nested subtrees and filter by role", () => {
    expect(scopeRoots(a).sort()).toEqual(["/p/", "/x/"]);
    expect(scopeRoots(a, ["editor"])).toEqual(["/p/d/"]);
    expect(scopeRoots(a, ["admin"])).toEqual([]);
  });

  it("system admins are admins of a top organization", () => {
    expect(isSystemAdmin(actor([{ organizationId: "p", path: "/p/", role: "admin" }]))).toBe(true);
    expect(isSystemAdmin(actor([{ organizationId: "d", path: "/p/d/", role: "admin" }]))).toBe(false);
  });

  it("navigation shows only what the roles allow", () => {
    expect(navigationAbilities(actor([{ organizationId: "d", path: "/p/d/", role: "officer" }]))).toMatchObject({
      "organizations.read": true,
      "users.read": false,
      "audit.read": false,
      "apiTokens.manage": false,
    });
    expect(navigationAbilities(actor([{ organizationId: "d", path: "/p/d/", role: "editor" }]))["users.read"]).toBe(true);
    expect(navigationAbilities(actor([{ organizationId: "d", path: "/p/d/", role: "coordinator" }]))["users.invite"]).toBe(true);
    // The outbox holds every account's links: only admins of a top organization see it.
    expect(navigationAbilities(actor([{ organizationId: "d", path: "/p/d/", role: "admin" }]))["outbox.read"]).toBe(false);
    expect(navigationAbilities(actor([{ organizationId: "p", path: "/p/", role: "admin" }]))["outbox.read"]).toBe(true);
  });
});
