import { AppError } from "../http/errors";
import type { Actor } from "./core";

/** Commands run only for a known actor; the route preHandler normally guarantees one. */
export function actorRequired(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new AppError(401, "unauthenticated");
  return ctx.actor;
}
