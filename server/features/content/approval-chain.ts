import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { approvalChains, grants, organizations, users } from "../../db/schema";

export interface ChainStep {
  mode: "any" | "all";
  roles: string[];
  userIds: string[];
  /** The leader step a "sensitive" item adds. */
  leader?: boolean;
}

/** Without a configured chain: one step, any editor of the organization or above. */
export const DEFAULT_CHAIN: ChainStep[] = [{ mode: "any", roles: ["editor"], userIds: [] }];
const LEADER_STEP: ChainStep = { mode: "any", roles: ["leader"], userIds: [], leader: true };

const ancestorsOf = (path: string) => {
  const ids = path.split("/").filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
};

/** The chain of the organization, else of its nearest ancestor that has one, else the default. */
export async function configuredChain(db: Executor, orgPath: string): Promise<{ steps: ChainStep[]; fromOrganizationId: string | null }> {
  const paths = ancestorsOf(orgPath);
  const rows = await db
    .select({ organizationId: approvalChains.organizationId, steps: approvalChains.steps, depth: organizations.depth })
    .from(approvalChains)
    .innerJoin(organizations, eq(organizations.id, approvalChains.organizationId))
    .where(inArray(organizations.path, paths))
    .orderBy(sql`${organizations.depth} desc`)
    .limit(1);
  if (rows[0]) return { steps: rows[0].steps, fromOrganizationId: rows[0].organizationId };
  return { steps: DEFAULT_CHAIN, fromOrganizationId: null };
}

/** The steps an item goes through: the organization's chain plus a leader step when sensitive. */
export async function chainFor(db: Executor, orgPath: string, sensitive: boolean): Promise<ChainStep[]> {
  const { steps } = await configuredChain(db, orgPath);
  return sensitive ? [...steps, LEADER_STEP] : steps;
}

/**
 * The active people who may decide at a step for an item of the organization at `orgPath`:
 * holders of the step's roles on the organization or an ancestor, plus the named people who can
 * still see the item. The author is never among them.
 */
export async function stepApprovers(db: Executor, orgPath: string, step: ChainStep, authorId: string | null): Promise<string[]> {
  const ancestors = ancestorsOf(orgPath);
  const found = new Set<string>();
  if (step.roles.length > 0) {
    const rows = await db
      .selectDistinct({ id: grants.userId })
      .from(grants)
      .innerJoin(organizations, eq(organizations.id, grants.organizationId))
      .innerJoin(users, eq(users.id, grants.userId))
      .where(and(inArray(grants.role, step.roles), inArray(organizations.path, ancestors), eq(users.status, "active")));
    for (const r of rows) found.add(r.id);
  }
  if (step.userIds.length > 0) {
    // A named approver must still hold some grant over the organization.
    const rows = await db
      .selectDistinct({ id: grants.userId })
      .from(grants)
      .innerJoin(organizations, eq(organizations.id, grants.organizationId))
      .innerJoin(users, eq(users.id, grants.userId))
      .where(and(inArray(grants.userId, step.userIds), inArray(organizations.path, ancestors), eq(users.status, "active")));
    for (const r of rows) found.add(r.id);
  }
  if (authorId) found.delete(authorId);
  return [...found];
}

/** Active people who can read items of the organization at `orgPath` (for @mentions), by name. */
export async function readersOf(db: Executor, orgPath: string, q: string | undefined, limit: number) {
  const term = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .innerJoin(users, eq(users.id, grants.userId))
    .where(
      and(
        inArray(organizations.path, ancestorsOf(orgPath)),
        eq(users.status, "active"),
        term ? sql`lower(${users.name} || ' ' || ${users.email}) like ${term}` : undefined,
      ),
    )
    .orderBy(users.name)
    .limit(limit);
}
