import type { IncomingMessage } from "node:http";
import path from "node:path";
import { FileStore } from "@tus/file-store";
import { ERRORS, Metadata, Server, type Upload } from "@tus/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { errorMessage } from "../../../common/i18n/errors";
import type { Locale } from "../../../common/roles";
import type { MediaAssetView } from "../../../common/schemas/media";
import { AppError } from "../../http/errors";
import { actorOf, commandContext, inTransaction } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import type { Actor } from "../../policies/core";
import { checkDeclaredSize, ingestMedia, uploadTarget } from "./commands/ingest-media";
import { forgetUpload, tusDirectory, UPLOAD_EXPIRY_MS } from "./media-uploads.job";

/** The one error shape, as a string: tus writes the bodies of the responses it answers. */
function errorJson(locale: Locale, err: AppError): string {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, errorMessage(locale, v.code, v.params)]))
    : undefined;
  return JSON.stringify({ error: { code: err.code, message: errorMessage(locale, err.code, err.params), ...(fields ? { fields } : {}) } });
}

/** Who owns an upload: only they may resume, inspect or cancel it. */
const ownerKey = (actor: Actor) => (actor.userId ? `user:${actor.userId}` : `token:${actor.tokenId}`);

/**
 * Resumable uploads (tus 1.0) for large videos on flaky phone connections, at
 * /api/v1/media/uploads. Each request goes through the usual pipeline first (session or token,
 * CSRF on writes, policy media.upload); then the raw request is handed to @tus/server, which
 * writes the bytes to a temporary directory. The POST is checked before any byte is accepted
 * (organization in scope and open to the uploader, Upload-Length within the limits); the
 * finishing PATCH checks the content by magic bytes and moves the file into the library.
 */
export async function mediaUploadRoutes(
  fastify: FastifyInstance,
  opts: { present: (request: FastifyRequest, id: string) => Promise<MediaAssetView> },
) {
  const { env, db, logger } = fastify.services;
  const directory = tusDirectory(env);
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  // tus hands its hooks a web Request; this leads back to the Fastify request (actor, locale).
  const requests = new WeakMap<IncomingMessage, FastifyRequest>();
  const fastifyRequest = (req: unknown): FastifyRequest => {
    const raw = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    const request = raw && requests.get(raw);
    if (!request) throw ERRORS.UNKNOWN_ERROR;
    return request;
  };
  const asTusError = (request: FastifyRequest, err: unknown) =>
    err instanceof AppError ? { status_code: err.status, body: errorJson(request.locale, err) } : err;

  const tus = new Server({
    path: `${fastify.prefix}/media/uploads`,
    datastore,
    relativeLocation: true,
    maxSize: env.MEDIA_MAX_MB * 1024 * 1024,
    namingFunction: () => newId(),
    async onUploadCreate(req, upload) {
      const request = fastifyRequest(req);
      const actor = actorOf(request);
      // The server decides the owner; whatever the client wrote there is replaced.
      return {
        metadata: {
          organizationId: upload.metadata?.organizationId ?? null,
          filename: upload.metadata?.filename ?? null,
          filetype: upload.metadata?.filetype ?? null,
          owner: ownerKey(actor),
        },
      };
    },
    async onIncomingRequest(req, id) {
      if (req.method === "POST") return;
      const request = fastifyRequest(req);
      const upload = await datastore.getUpload(id);
      // Someone else's upload id reads as unknown, like any id out of scope.
      if (upload.metadata?.owner !== ownerKey(actorOf(request))) throw ERRORS.FILE_NOT_FOUND;
    },
    async onUploadFinish(req, upload: Upload) {
      const request = fastifyRequest(req);
      try {
        const id = await ingestMedia(
          commandContext(request),
          {
            organizationId: upload.metadata?.organizationId ?? "",
            tempPath: path.join(directory, upload.id),
            sizeBytes: upload.size ?? upload.offset,
            fileName: upload.metadata?.filename ?? null,
            via: "tus",
          },
          (fn) => inTransaction(request, fn),
        );
        const view = await opts.present(request, id);
        return {
          // A PATCH answers 204 without a body by the protocol; clients accept 200 with the asset.
          ...(req.method === "PATCH" ? { status_code: 200 } : {}),
          headers: { "Content-Type": "application/json; charset=utf-8", "Media-Asset-Id": id },
          body: JSON.stringify(view),
        };
      } catch (err) {
        throw asTusError(request, err);
      } finally {
        // Accepted or refused, the upload is over: its temporary file and record go.
        await forgetUpload(directory, upload.id);
      }
    },
    onResponseError(req, err) {
      const status = "status_code" in err ? err.status_code : 500;
      // Ours (from the hooks) already carry the JSON error shape.
      if ("body" in err && typeof err.body === "string" && err.body.startsWith("{")) return undefined;
      const locale = requestLocaleOf(req);
      if (status === 413)
        return { status_code: 413, body: errorJson(locale, new AppError(413, "file_too_large", { mb: env.MEDIA_MAX_MB })) };
      if (status === 404 || status === 410) return { status_code: status, body: errorJson(locale, new AppError(404, "not_found")) };
      if (status >= 500) {
        logger.error({ err }, "media upload failed");
        return { status_code: 500, body: errorJson(locale, new AppError(500, "internal")) };
      }
      return undefined;
    },
  });
  const requestLocaleOf = (req: unknown): Locale => {
    try {
      return fastifyRequest(req).locale;
    } catch {
      return "id";
    }
  };

  /** Hands the raw request and response to tus; Fastify no longer answers this request. */
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    requests.set(request.raw, request);
    try {
      await tus.handle(request.raw, reply.raw);
    } finally {
      requests.delete(request.raw);
    }
  };

  // tus sends the bytes as application/offset+octet-stream: left unread, for tus to stream to disk.
  fastify.addContentTypeParser("application/offset+octet-stream", (_request, _payload, done) => done(null));

  const tags = ["media"];
  fastify.post(
    "/media/uploads",
    {
      config: { policy: "media.upload" },
      schema: {
        tags,
        summary: "Mulai unggahan yang dapat dilanjutkan (tus 1.0; Upload-Metadata: organizationId, filename, filetype)",
      },
    },
    async (request, reply) => {
      const length = request.headers["upload-length"];
      if (typeof length !== "string" || !/^\d+$/.test(length)) throw new AppError(400, "media_upload_length");
      let metadata: Record<string, string | null>;
      try {
        metadata = Metadata.parse(request.headers["upload-metadata"] as string | undefined);
      } catch {
        throw new AppError(400, "validation_failed", {}, { "Upload-Metadata": { code: "field_format" } });
      }
      await uploadTarget(db, actorOf(request), metadata.organizationId ?? undefined);
      checkDeclaredSize(env, Number(length), metadata.filetype ?? null);
      return handOver(request, reply);
    },
  );

  const params = z.object({ id: z.uuid() });
  for (const method of ["HEAD", "PATCH", "DELETE"] as const) {
    fastify.route({
      method,
      url: "/media/uploads/:id",
      config: { policy: "media.upload" },
      schema: {
        tags,
        summary: `tus ${method}: ${method === "HEAD" ? "posisi unggahan" : method === "PATCH" ? "kirim potongan" : "batalkan"}`,
        params,
      },
      handler: handOver,
    });
  }
}
