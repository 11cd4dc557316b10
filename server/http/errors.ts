import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type ErrorCode, errorMessage, isErrorCode } from "../../common/i18n/errors";
import type { Locale } from "../../common/roles";

type Params = Record<string, string | number>;

/** An error a client caused; it carries an HTTP status and an i18n code, never a 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Params = {},
    /** field -> error code (and params) */
    readonly fields?: Record<string, { code: ErrorCode; params?: Params }>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, "not_found");
export const forbidden = () => new AppError(403, "forbidden");
export const fieldError = (field: string, code: ErrorCode, params?: Params, status = 400) =>
  new AppError(status, "validation_failed", {}, { [field]: { code, params } });

export function sendError(reply: FastifyReply, locale: Locale, err: AppError) {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, errorMessage(locale, v.code, v.params)]))
    : undefined;
  return reply.code(err.status).send({
    error: {
      code: err.code,
      message: errorMessage(locale, err.code, err.params),
      ...(fields ? { fields } : {}),
      // Query syntax errors point at a character (0-based) so the editor can mark it.
      ...(err.code.startsWith("query_") && typeof err.params.position === "number" ? { position: err.params.position } : {}),
    },
  });
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
  input?: unknown;
}

/** Turns zod issues into `{ field: localized message }`, naming every wrong field. */
function zodFields(locale: Locale, issues: ZodIssueLike[], prefix: string) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) fields[[base, key].filter(Boolean).join(".")] = errorMessage(locale, "field_unknown");
      continue;
    }
    const field = base || prefix || "body";
    if (fields[field]) continue;
    fields[field] = issueMessage(locale, issue);
  }
  return fields;
}

function issueMessage(locale: Locale, issue: ZodIssueLike): string {
  const isString = issue.origin === "string";
  switch (issue.code) {
    case "invalid_type":
      return / received undefined$/.test(issue.message)
        ? errorMessage(locale, "field_required")
        : errorMessage(locale, "field_type", { expected: issue.expected ?? "?" });
    case "too_small":
      return errorMessage(locale, isString ? "field_too_short" : "field_too_small", { min: Number(issue.minimum) });
    case "too_big":
      return errorMessage(locale, isString ? "field_too_long" : "field_too_big", { max: Number(issue.maximum) });
    case "invalid_format":
      return errorMessage(locale, issue.format === "email" ? "field_email" : "field_format");
    case "invalid_value":
      return errorMessage(locale, "field_enum", { values: (issue.values ?? []).join(", ") });
    case "custom":
      // A refinement in a shared schema names its own error code (e.g. "change at least one field").
      return errorMessage(locale, isErrorCode(issue.message) ? issue.message : "field_invalid");
    default:
      return errorMessage(locale, "field_invalid");
  }
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? "id";
    if (err instanceof AppError) return sendError(reply, locale, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as FastifyError & { validationContext?: string }).validationContext ?? "body";
      const prefix = context === "body" ? "" : context;
      const fields = zodFields(
        locale,
        err.validation.map(
          (v) =>
            ({
              ...(v.params as object),
              code: v.keyword,
              path: v.instancePath.split("/").filter(Boolean),
              message: v.message,
            }) as ZodIssueLike,
        ),
        prefix,
      );
      return reply.code(400).send({ error: { code: "validation_failed", message: errorMessage(locale, "validation_failed"), fields } });
    }
    const fe = err as FastifyError;
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fe.statusCode === 413)
      return sendError(reply, locale, new AppError(413, "payload_too_large"));
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || fe.statusCode === 415)
      return sendError(reply, locale, new AppError(415, "unsupported_media_type"));
    if (fe.code?.startsWith("FST_ERR_CTP") || (fe instanceof SyntaxError && fe.statusCode === 400))
      return sendError(reply, locale, new AppError(400, "malformed_json"));
    if (fe.statusCode === 429) {
      const appError = (fe as FastifyError & { appError?: AppError }).appError ?? new AppError(429, "rate_limited", { retry: "1 menit" });
      return sendError(reply, locale, appError);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return sendError(reply, locale, new AppError(fe.statusCode, "validation_failed"));
    // Two requests racing for one unique value (e.g. a slug): the loser is told, not a 500.
    const dbCode = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (dbCode === "23505") return sendError(reply, locale, new AppError(409, "conflict"));
    request.log.error({ err }, "unhandled error");
    return sendError(reply, locale, new AppError(500, "internal"));
  });

  // PostgreSQL text cannot hold NUL; refuse it up front, naming the field, before any query.
  app.addHook("preValidation", async (request) => {
    for (const [part, value] of [
      ["body", request.body],
      ["query", request.query],
      ["params", request.params],
    ] as const) {
      const where = findNul(value, part === "body" ? "" : part);
      if (where !== null) throw fieldError(where || part, "field_nul");
    }
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, request.locale ?? "id", new AppError(404, "route_not_found")));
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return path;
      const found = findNul(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}
