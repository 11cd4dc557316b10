import { aliasedTable, eq } from "drizzle-orm";
import type { Locale, Role } from "../../../common/roles";
import type { SessionView } from "../../../common/schemas/auth";
import type { Executor } from "../../db/client";
import { grants, officers, organizations, users } from "../../db/schema";
import { OFFICER_KEEPERS } from "../officers/officer.policy";

const supervisor = aliasedTable(officers, "supervisor");

import { loadUserGrants } from "../../http/authenticate";
import { navigationAbilities } from "../../policies/navigation";

/** What the staff app learns about the signed-in user, including what it may show. */
export async function buildSessionView(db: Executor, userId: string, csrfToken: string): Promise<SessionView> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const grantRows = await db
    .select({ id: grants.id, organizationId: grants.organizationId, organizationName: organizations.name, role: grants.role })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(eq(grants.userId, userId));
  const scoped = await loadUserGrants(db, userId);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      phone: user.phone,
      locale: user.locale as Locale,
      emailNotifications: user.emailNotifications,
      twoFactorEnabled: user.totpSecret !== null,
    },
    grants: grantRows.map((g) => ({ ...g, role: g.role as Role })),
    csrfToken,
    abilities: {
      ...navigationAbilities({ kind: "user", userId, name: user.name, grants: scoped }),
      // Deciding on work logs: registry keepers, and anyone who supervises an officer.
      "workLogs.decide":
        scoped.some((g) => OFFICER_KEEPERS.includes(g.role)) ||
        (
          await db
            .select({ id: supervisor.id })
            .from(officers)
            .innerJoin(supervisor, eq(supervisor.id, officers.supervisorId))
            .where(eq(supervisor.userId, userId))
            .limit(1)
        ).length > 0,
    },
  };
}
