import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { LIMITS } from "../../common/limits";
import { unsubscribePlugin } from "../features/distribution/unsubscribe.routes";
import { mediaRoomSite } from "../features/media-room/site/media-room.site";
import { rsvpPagePlugin } from "../features/press-events/rsvp-page.routes";
import { registerFeatureRoutes } from "../features/routes";
import { newsroomPlugin } from "../public-site/newsroom.routes";
import type { Services } from "../services";
import { installAuthentication } from "./authenticate";
import { AppError, installErrorHandling, sendError } from "./errors";
import { installMetrics } from "./metrics";
import "./types";

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
    routeList: RouteOptions[];
  }
}

const appDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/app");

export interface AppOptions {
  /** Readiness probe beyond the database (e.g. the job queue started). */
  ready?: () => boolean;
}

export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as unknown as FastifyBaseLogger,
    trustProxy: services.env.TRUST_PROXY,
    bodyLimit: LIMITS.bodyBytes,
    // Never log secrets: cookies and tokens are redacted by the pino config in logger.ts.
  });
  app.decorate("services", services);
  app.decorate("routeList", [] as RouteOptions[]);
  app.addHook("onRoute", (route) => {
    app.routeList.push(route);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: services.env.COOKIE_SECURE === "true",
  });
  await app.register(rateLimit, {
    global: false,
    // After body parsing, so that sign-in limits can key on the account as well as the address.
    hook: "preHandler",
    errorResponseBuilder: (request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const err = new AppError(429, "rate_limited", { retry: request.locale === "en" ? `${seconds} seconds` : `${seconds} detik` });
      return Object.assign(new Error("rate limited"), { statusCode: 429, appError: err, locale: request.locale });
    },
  });
  await app.register(multipart, { limits: { fileSize: LIMITS.logoBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Sinergi API", version: "1.0.0", description: "API platform kehumasan pemerintah daerah." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "sinergi_session" },
          apiToken: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  installAuthentication(app, services.db, services.env, services.actorCache);
  installMetrics(app);
  registerHealth(app, opts);
  await app.register(registerFeatureRoutes, { prefix: "/api/v1" });
  await registerStaffApp(app);
  // RFC 8058 unsubscribe links (/u/<token>) of release distribution; "u" is a reserved slug.
  await app.register(unsubscribePlugin);
  // The public newsroom owns `/` and `/<org-slug>/…`; the routes above keep their paths.
  await app.register(newsroomPlugin);
  // The journalists' media room at /media-room (reads the newsroom's directory, so after it).
  await app.register(mediaRoomSite);
  // The public RSVP page of press event invitations (/rsvp/<token>), server-rendered like the newsroom.
  await app.register(rsvpPagePlugin);
  return app;
}

function registerHealth(app: FastifyInstance, opts: AppOptions) {
  app.get("/healthz", { config: { policy: "public" }, schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: { policy: "public" }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await app.services.database.sql.query("select 1");
    } catch {
      return reply.code(503).send({ status: "database unavailable" });
    }
    if (opts.ready && !opts.ready()) return reply.code(503).send({ status: "starting" });
    return { status: "ready" };
  });
}

/** Serves the built staff app at /app, falling back to index.html for client-side routes. */
async function registerStaffApp(app: FastifyInstance) {
  const hasBuild = existsSync(path.join(appDist, "index.html"));
  if (hasBuild) {
    // serve: false — files are served by the routes below, which carry a policy like every route.
    await app.register(fastifyStatic, { root: appDist, serve: false });
  }
  const serveIndex = { config: { policy: "public" }, schema: { hide: true } } as const;
  const handler = async (_request: import("fastify").FastifyRequest, reply: import("fastify").FastifyReply) => {
    if (!hasBuild) return reply.code(503).type("text/plain").send("Staff app not built: run `npm run build`.");
    return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
  };
  app.get("/app", serveIndex, handler);
  app.get("/app/*", serveIndex, async (request, reply) => {
    const rest = (request.params as { "*": string })["*"];
    const file = path.join(appDist, rest);
    if (hasBuild && rest.includes(".") && file.startsWith(appDist + path.sep) && existsSync(file)) {
      // Built assets carry a content hash in their names, so browsers may keep them for good.
      if (rest.startsWith("assets/")) reply.header("cache-control", "public, max-age=31536000, immutable");
      return reply.sendFile(rest);
    }
    if (rest.startsWith("assets/")) return sendError(reply, request.locale, new AppError(404, "not_found"));
    return handler(request, reply);
  });
}
