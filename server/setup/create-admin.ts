import { eq, isNull } from "drizzle-orm";
import type { OrganizationKind } from "../../common/roles";
import { organizations, users } from "../db/schema";
import { recordAudit } from "../features/audit/record-audit";
import { issueUserToken } from "../features/auth/user-tokens";
import { findRegion, regencyKind } from "../features/regions/region-catalog";
import type { Services } from "../services";
import { seedOrganization, seedUser } from "./seed-helpers";

export interface CreateAdminInput {
  email: string;
  name: string;
  /** Without a password the admin gets a one-time setup link instead. */
  password?: string;
  /** Needed only when there is no organization yet: the top organization's region code. */
  regionCode?: string;
  organizationName?: string;
}

/**
 * Creates the first administrator (and the top organization when the tree is empty).
 * Returns the setup link when no password was given.
 */
export async function createAdmin(
  services: Services,
  input: CreateAdminInput,
): Promise<{ userId: string; setupUrl: string | null; organization: string }> {
  return services.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase()));
    if (existing) throw new Error(`A user with email ${input.email} already exists.`);
    let [root] = await tx.select().from(organizations).where(isNull(organizations.parentId)).limit(1);
    if (!root) {
      if (!input.regionCode)
        throw new Error("No organization exists yet: pass --region <kode wilayah> (e.g. 51 for Bali, 51.71 for Kota Denpasar).");
      const region = findRegion(input.regionCode);
      if (!region) throw new Error(`Unknown kode wilayah ${input.regionCode}.`);
      const kind: OrganizationKind = region.level === "province" ? "provinsi" : regencyKind(region.code);
      const name = input.organizationName ?? (kind === "provinsi" ? `Pemerintah Provinsi ${region.name}` : `Pemerintah ${region.name}`);
      const seeded = await seedOrganization(tx, null, { name, shortName: region.name, kind, regionCode: region.code });
      [root] = await tx.select().from(organizations).where(eq(organizations.id, seeded.id));
    }
    const userId = await seedUser(tx, {
      email: input.email,
      name: input.name,
      password: input.password ?? null,
      grants: [{ organizationId: root.id, role: "admin" }],
    });
    const setupUrl = input.password
      ? null
      : `${services.publicUrl}/app/accept-invitation?token=${await issueUserToken(tx, userId, "invite")}`;
    await recordAudit(
      tx,
      { actor: null, ip: null },
      { action: "user.create_admin", entityType: "user", entityId: userId, organizationId: root.id, after: { email: input.email } },
    );
    return { userId, setupUrl, organization: root.name };
  });
}
