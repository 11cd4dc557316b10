import type { Executor } from "../../../db/client";
import type { CommandContext } from "../../../http/route-kit";
import { issueUserToken, TOKEN_TTL_MINUTES } from "../../auth/user-tokens";
import { queueEmail } from "../../email/queue-email";
import { invitationEmail } from "../../email/templates";

/** Issues a fresh invitation link (older ones stop working) and queues its email. */
export async function queueInvitation(
  tx: Executor,
  ctx: CommandContext,
  invitee: { id: string; email: string; name: string },
  organizationNames: string[],
): Promise<string> {
  const token = await issueUserToken(tx, invitee.id, "invite");
  return queueEmail(
    tx,
    invitationEmail(ctx.locale, {
      to: invitee.email,
      name: invitee.name,
      inviter: ctx.actor?.name ?? "Sinergi",
      organizations: organizationNames.join(", "),
      url: `${ctx.services.publicUrl}/app/accept-invitation?token=${token}`,
      days: TOKEN_TTL_MINUTES.invite / 1440,
    }),
  );
}
