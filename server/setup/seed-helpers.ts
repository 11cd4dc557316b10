import type { Role, TimeZoneCode } from "../../common/roles";
import type { Executor } from "../db/client";
import { grants, users } from "../db/schema";
import { hashPassword } from "../features/auth/passwords";
import { insertOrganization, type OrganizationInput } from "../features/organizations/commands/insert-organization";
import { newId } from "../lib/ids";

export interface SeedOrg {
  id: string;
  path: string;
  depth: number;
  timeZone: TimeZoneCode;
}

/** Inserts an organization below `parent` (or as a root) with the same rules as the API. */
export async function seedOrganization(tx: Executor, parent: SeedOrg | null, input: OrganizationInput): Promise<SeedOrg> {
  const row = await insertOrganization(tx, parent, input);
  return { id: row.id, path: row.path, depth: row.depth, timeZone: row.timeZone as TimeZoneCode };
}

export async function seedUser(
  tx: Executor,
  input: { email: string; name: string; password: string | null; grants: { organizationId: string; role: Role }[] },
): Promise<string> {
  const id = newId();
  await tx.insert(users).values({
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    status: input.password ? "active" : "invited",
  });
  for (const g of input.grants) await tx.insert(grants).values({ id: newId(), userId: id, organizationId: g.organizationId, role: g.role });
  return id;
}
