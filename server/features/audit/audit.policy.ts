import { definePolicy } from "../../policies/core";
import { isSystemAdmin } from "../../policies/system";

export const auditPolicy = definePolicy<null, "read" | "readGlobal">("audit", {
  read: (actor) => actor.grants.some((g) => g.role === "admin"),
  // Entries with no organization (system-wide) belong to the system administrators.
  readGlobal: (actor) => isSystemAdmin(actor),
});
