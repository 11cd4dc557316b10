import type { Role } from "../../common/roles";
import { AppError } from "../http/errors";

/** A grant as the policies see it: the role and the materialized path of its organization. */
export interface ScopedGrant {
  organizationId: string;
  path: string;
  role: Role;
}

/** Who is acting: a signed-in user or an API token. Both carry scoped grants. */
export interface Actor {
  kind: "user" | "token";
  userId: string | null;
  tokenId?: string;
  sessionId?: string;
  name: string;
  grants: ScopedGrant[];
}

/** Roles the actor holds on the organization at `path` (through it or any ancestor). */
export function rolesOn(actor: Actor, path: string): Set<Role> {
  const roles = new Set<Role>();
  for (const g of actor.grants) if (path.startsWith(g.path)) roles.add(g.role);
  return roles;
}

export function hasAnyRole(actor: Actor, path: string, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => path.startsWith(g.path) && roles.includes(g.role));
}

/**
 * The subtree roots the actor may reach with any of `roles`, with nested roots removed,
 * ready for `path LIKE root || '%'` filters.
 */
export function scopeRoots(actor: Actor, roles?: readonly Role[]): string[] {
  const paths = actor.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.path);
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return unique.filter((p, i) => !unique.slice(0, i).some((q) => p.startsWith(q)));
}

export type Rule<R> = (actor: Actor, resource: R) => boolean;

/** Every policy decision name (`entity.action`) in the app; the route test checks against it. */
export const policyRegistry = new Set<string>(["public", "authenticated"]);

export interface Policy<R, A extends string> {
  entity: string;
  can(actor: Actor, action: A, resource: R): boolean;
  /** Throws 403 when the action is not allowed. Resources out of scope must already 404. */
  authorize(actor: Actor, action: A, resource: R): void;
  /** The `can` map sent to the staff app with each resource. */
  abilities(actor: Actor, resource: R, actions?: readonly A[]): Record<string, boolean>;
}

export function definePolicy<R, A extends string>(entity: string, rules: Record<A, Rule<R>>): Policy<R, A> {
  for (const action of Object.keys(rules)) policyRegistry.add(`${entity}.${action}`);
  const can = (actor: Actor, action: A, resource: R) => rules[action](actor, resource);
  return {
    entity,
    can,
    authorize(actor, action, resource) {
      if (!can(actor, action, resource)) throw new AppError(403, "forbidden");
    },
    abilities(actor, resource, actions) {
      const list = actions ?? (Object.keys(rules) as A[]);
      return Object.fromEntries(list.map((a) => [a, can(actor, a, resource)]));
    },
  };
}
