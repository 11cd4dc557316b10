import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { grants, organizations, users } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import { ISSUE_HANDLERS } from "../media-issues.policy";

/** People who can handle an issue of the organization at `path`: handlers on it or above it. */
export async function issueHandlers(tx: Executor, path: string) {
  return tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(and(inArray(grants.role, ISSUE_HANDLERS), eq(users.status, "active"), sql`${path} like ${organizations.path} || '%'`))
    .orderBy(users.name);
}

export async function checkAssignee(tx: Executor, path: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const people = await issueHandlers(tx, path);
  if (!people.some((p) => p.id === assigneeId)) throw fieldError("assigneeId", "issue_assignee_invalid");
}

/**
 * The coordinators an escalation goes to: those holding the coordinator role on the parent of
 * the responsible organization, or, when it has none, on the nearest ancestor above that has.
 */
export async function escalationCoordinators(tx: Executor, path: string): Promise<string[]> {
  const ancestors = path.split("/").filter(Boolean).slice(0, -1).reverse();
  for (const orgId of ancestors) {
    const rows = await tx
      .selectDistinct({ id: users.id })
      .from(grants)
      .innerJoin(users, eq(users.id, grants.userId))
      .where(and(eq(grants.organizationId, orgId), eq(grants.role, "coordinator"), eq(users.status, "active")));
    if (rows.length) return rows.map((r) => r.id);
  }
  return [];
}
