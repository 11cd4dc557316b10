import type { OrganizationKind, TimeZoneCode } from "../../../../common/roles";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { resolveRegionAndZone } from "./resolve-region";
import { uniqueSlug } from "./unique-slug";

export interface OrganizationInput {
  name: string;
  shortName: string;
  kind: OrganizationKind;
  regionCode?: string | null;
  timeZone?: TimeZoneCode | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  website?: string | null;
}

/**
 * Inserts one organization under `parent` (or as a root) with the tree rules every writer
 * shares: materialized path and depth, a unique slug, and the region's time zone. Checks of
 * who may do it belong to the caller.
 */
export async function insertOrganization(
  tx: Executor,
  parent: { id: string; path: string; depth: number; timeZone: string } | null,
  input: OrganizationInput,
) {
  const id = newId();
  const region = resolveRegionAndZone(input.kind, input.regionCode, input.timeZone, (parent?.timeZone as TimeZoneCode) ?? null);
  const [row] = await tx
    .insert(organizations)
    .values({
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      name: input.name,
      shortName: input.shortName,
      slug: await uniqueSlug(tx, input.shortName),
      kind: input.kind,
      regionCode: region.regionCode,
      timeZone: region.timeZone,
      timeZoneOverridden: region.overridden,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      website: input.website ?? null,
    })
    .returning();
  return row;
}
