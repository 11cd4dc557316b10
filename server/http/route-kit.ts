import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Locale } from "../../common/roles";
import type { Executor } from "../db/client";
import type { AuditContext } from "../features/audit/record-audit";
import type { Actor } from "../policies/core";
import type { Services } from "../services";
import { AppError } from "./errors";

/** The per-request context a command receives: who, from where, in which language, with what. */
export interface CommandContext extends AuditContext {
  actor: Actor | null;
  ip: string | null;
  locale: Locale;
  services: Services;
}

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export function commandContext(request: FastifyRequest): CommandContext {
  return { actor: request.actor, ip: request.ip ?? null, locale: request.locale, services: request.server.services };
}

/** The signed-in actor; the preHandler already answered 401 when there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, "unauthenticated");
  return request.actor;
}

/**
 * Runs a command in one transaction: all of its writes land, or none do. After the commit the
 * caches of this process are invalidated at once (other processes learn it through NOTIFY).
 */
export async function inTransaction<T>(request: FastifyRequest, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const { db, changes } = request.server.services;
  const result = await db.transaction((tx) => fn(tx));
  changes.local();
  return result;
}

/** The signed-in person (not an API token): for actions on one's own account. */
export function userActorOf(request: FastifyRequest): Actor & { userId: string } {
  const actor = actorOf(request);
  if (actor.kind !== "user" || !actor.userId) throw new AppError(403, "forbidden");
  return actor as Actor & { userId: string };
}
