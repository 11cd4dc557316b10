import type { Locale } from "../../common/roles";
import type { Actor } from "../policies/core";

export interface SessionInfo {
  id: string;
  csrfToken: string;
  twoFactorPending: boolean;
  userId: string;
}

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** The policy decision this route makes: `entity.action`, "public" or "authenticated". */
    policy?: string;
    /** Allow a session that still waits for its second factor (only the 2FA step). */
    allowPending?: boolean;
    /** With policy "public": never read credentials (newsroom), so no actor and no Set-Cookie. */
    anonymous?: boolean;
  }
}
