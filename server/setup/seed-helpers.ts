import type { OrganizationKind, Role, TimeZoneCode } from "../../common/roles";
import type { Executor } from "../db/client";
import { grants, organizations, users } from "../db/schema";
import { hashPassword } from "../features/auth/passwords";
import { resolveRegionAndZone } from "../features/organizations/commands/resolve-region";
import { uniqueSlug } from "../features/organizations/commands/unique-slug";
import { newId } from "../lib/ids";

export interface SeedOrg {
  id: string;
  path: string;
  depth: number;
  timeZone: TimeZoneCode;
}

/** Inserts an organization below `parent` (or as a root) with the same rules as the API. */
export async function seedOrganization(
  tx: Executor,
  parent: SeedOrg | null,
  input: {
    name: string;
    shortName: string;
    kind: OrganizationKind;
    regionCode?: string;
    email?: string;
    phone?: string;
    address?: string;
    website?: string;
  },
): Promise<SeedOrg> {
  const id = newId();
  const region = resolveRegionAndZone(input.kind, input.regionCode, null, parent?.timeZone ?? null);
  const path = `${parent?.path ?? "/"}${id}/`;
  const depth = parent ? parent.depth + 1 : 0;
  await tx.insert(organizations).values({
    id,
    parentId: parent?.id ?? null,
    path,
    depth,
    name: input.name,
    shortName: input.shortName,
    slug: await uniqueSlug(tx, input.shortName),
    kind: input.kind,
    regionCode: region.regionCode,
    timeZone: region.timeZone,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    website: input.website ?? null,
  });
  return { id, path, depth, timeZone: region.timeZone };
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
