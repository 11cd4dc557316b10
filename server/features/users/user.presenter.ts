import type { UserStatus } from "../../../common/roles";
import type { UserView } from "../../../common/schemas/users";
import { type Actor, scopeRoots } from "../../policies/core";
import { grantPolicy, userPolicy } from "./user.policy";
import type { UserGrantRow, UserRow } from "./user-queries";

export function presentUser(user: UserRow, grants: UserGrantRow[], actor: Actor): UserView {
  // Grants outside the actor's own subtrees (another government's roles) are not theirs to see.
  const roots = scopeRoots(actor);
  const mine = grants.filter((g) => g.userId === user.id && roots.some((r) => g.path.startsWith(r)));
  const resource = { id: user.id, status: user.status, grantPaths: mine.map((g) => g.path) };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    status: user.status as UserStatus,
    twoFactorEnabled: user.totpSecret !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    grants: mine.map((g) => ({
      id: g.id,
      organizationId: g.organizationId,
      organizationName: g.organizationName,
      role: g.role,
      can: { remove: mine.length > 1 && grantPolicy.can(actor, "remove", g) },
    })),
    can: {
      ...userPolicy.abilities(actor, resource, ["deactivate", "reactivate", "resendInvitation"]),
      grant: mine.some((g) => grantPolicy.can(actor, "create", { path: g.path, role: "viewer" })),
    },
  };
}
