/**
 * The sign-in forms are in the first bundle; zod and the shared auth schemas (≈ 25 KB gzip) are
 * not. They start loading when a form mounts, long before the user submits, and the form's
 * (async) validate awaits them: the same checks as before, without the weight on first paint.
 */
import { useEffect } from "react";
import type { z } from "zod";
import { zodErrors } from "../../lib/form-errors";

type AuthSchemas = typeof import("../../../common/schemas/auth");

let pending: Promise<AuthSchemas> | undefined;

function loadAuthSchemas(): Promise<AuthSchemas> {
  pending ??= import("../../../common/schemas/auth").catch((error: unknown) => {
    pending = undefined; // let the next submit try again
    throw error;
  });
  return pending;
}

/** Starts the download when a sign-in form mounts. */
export function usePreloadAuthSchemas(): void {
  useEffect(() => {
    loadAuthSchemas().catch(() => undefined);
  }, []);
}

/** Mantine-style errors from one of the auth schemas; none when the chunk cannot load (the
 *  server checks the same schema and its field errors land under the inputs). */
export async function authErrors(pick: (schemas: AuthSchemas) => z.ZodType, values: unknown): Promise<Record<string, string>> {
  const schemas = await loadAuthSchemas().catch(() => null);
  return schemas ? zodErrors(pick(schemas), values) : {};
}
