import type { Env } from "../../env";
import { signId, verifySignedId } from "../../lib/signed-id";

/**
 * The token in a recipient's List-Unsubscribe URL: the signed recipient id, so the public
 * endpoint needs no session and nobody can unsubscribe an address they did not receive mail for.
 */
const PURPOSE = "distribution-unsubscribe";

export const unsubscribeToken = (env: Pick<Env, "SECRETS_KEY" | "dataDir">, recipientId: string) => signId(env, PURPOSE, recipientId);

/** The recipient id of a valid token, or null (malformed or forged). */
export const verifyUnsubscribeToken = (env: Pick<Env, "SECRETS_KEY" | "dataDir">, token: string) => verifySignedId(env, PURPOSE, token);
