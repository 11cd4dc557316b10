import type { Actor } from "./core";

/** System administrators: admins of a top organization (the Diskominfo running Sinergi). */
export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "admin" && g.path.split("/").filter(Boolean).length === 1);
}
