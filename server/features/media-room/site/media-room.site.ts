import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ContentFields } from "../../../../common/schemas/content";
import { AppError } from "../../../http/errors";
import { commandContext } from "../../../http/route-kit";
import { assetsForItem, NEWSROOM_TYPES, type NewsroomOrg, type NewsroomType } from "../../../public-site/newsroom-queries";
import type { Directory } from "../../../public-site/page-cache";
import { pressKitPhotos, pressKitZip } from "../../../public-site/press-kit";
import { PUBLIC_ROUTE, UUID } from "../../../public-site/public-route";
import { absolute, itemPath } from "../../../public-site/render/labels";
import { NEWSROOM_CSP } from "../../../public-site/render/layout";
import { sendQueuedEmail } from "../../email/send-queued-email";
import { recordRsvp } from "../../press-events/commands/rsvp";
import { logEmbargoView } from "../commands/log-embargo-view";
import { registerAccount } from "../commands/register-account";
import { confirmRoomPasswordReset, requestRoomPasswordReset } from "../commands/reset-password";
import { signInJournalist } from "../commands/sign-in";
import { listSubscriptions, subscribe, unsubscribe } from "../commands/subscriptions";
import {
  clearRoomCookie,
  csrfOk,
  endRoomSession,
  formToken,
  loadRoomSession,
  type RoomSession,
  startRoomSession,
} from "../journalist-sessions";
import { findRoomEvent, findRoomItem, listRoomEvents, listRoomItems, type RoomItem, subtreeOrganizations } from "../room-queries";
import {
  type FieldErrors,
  formErrors,
  readForm,
  registerForm,
  resetConfirmForm,
  resetRequestForm,
  rsvpForm,
  signInForm,
  subscribeForm,
} from "./forms";
import {
  eventsPage,
  type Frame,
  homePage,
  itemPage,
  messagePage,
  ROOM,
  registerPage,
  resetConfirmPage,
  resetRequestPage,
  signInPage,
  subscriptionsPage,
} from "./pages";

const PAGE_SIZE = 20;
type Query = Record<string, string | undefined>;
type Form = Record<string, string | undefined>;

/**
 * The journalists' media room at /media-room: server-rendered forms without script, its own
 * session cookie and CSRF tokens, every page private (no-store). Route options start from the
 * newsroom's (policy "public", anonymous: the staff session is never read here); the journalist
 * session is read per request, uncached, so deactivation ends access at the next request.
 */
export async function mediaRoomSite(app: FastifyInstance) {
  const { services } = app;
  const { db, env } = services;
  const directory = (): Promise<Directory> => app.newsroom.cache.directory();

  // Forms post urlencoded; only this plugin reads them.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const send = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .type("text/html; charset=utf-8")
      .headers({ "content-security-policy": NEWSROOM_CSP, "cache-control": "no-store", "x-robots-tag": "noindex" })
      .send(body);

  async function frame(request: FastifyRequest, reply: FastifyReply, session: RoomSession | null): Promise<Frame> {
    const dir = await directory();
    const org = (session && dir.byId.get(session.organizationId)) || dir.top;
    if (!org) throw new AppError(404, "not_found");
    return { org, top: dir.top, session, csrf: session ? session.csrfToken : formToken(request, reply, env) };
  }

  app.setErrorHandler(async (err: Error & { statusCode?: number }, request, reply) => {
    const f = await frame(request, reply, null).catch(() => null);
    const status = err instanceof AppError ? err.status : (err.statusCode ?? 500);
    if (status >= 500) request.log.error({ err }, "media room error");
    const text =
      status === 429
        ? "Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi."
        : status === 404
          ? "Halaman tidak ditemukan."
          : status < 500
            ? "Permintaan tidak dapat diproses."
            : "Terjadi kesalahan. Coba lagi nanti.";
    if (!f) return reply.code(status).type("text/plain; charset=utf-8").send(text);
    return send(reply, status, messagePage(f, status === 429 ? "Terlalu banyak percobaan" : "Tidak dapat diproses", text));
  });

  /** The signed-in journalist, or a redirect to the sign-in page (the cookie, if any, is dropped). */
  async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<RoomSession | null> {
    const session = await loadRoomSession(db, request);
    if (session) return session;
    if (request.cookies?.sinergi_media_room) clearRoomCookie(reply);
    reply.redirect(`${ROOM}/masuk`, 303);
    return null;
  }

  /** The CSRF check of every form post: the session's token, or the anonymous form cookie. */
  async function checkCsrf(request: FastifyRequest, reply: FastifyReply, session: RoomSession | null) {
    if (csrfOk(request, session, (request.body as Form | undefined)?.csrf)) return true;
    const f = await frame(request, reply, session);
    send(reply, 403, messagePage(f, "Formulir kedaluwarsa", "Token keamanan formulir tidak cocok. Muat ulang halaman lalu coba lagi."));
    return false;
  }

  const route = PUBLIC_ROUTE;
  const limited = (max: number, timeWindow: string, byEmail: boolean) => ({
    ...PUBLIC_ROUTE,
    config: {
      ...PUBLIC_ROUTE.config,
      rateLimit: {
        max,
        timeWindow,
        keyGenerator: (request: FastifyRequest) => {
          const email = (request.body as Form | undefined)?.email;
          return `room|${request.ip}|${byEmail && typeof email === "string" ? email.toLowerCase() : ""}`;
        },
      },
    },
  });

  // Sign in / out -------------------------------------------------------------------------
  app.get(`${ROOM}/masuk`, route, async (request, reply) => {
    const session = await loadRoomSession(db, request);
    if (session) return reply.redirect(ROOM, 303);
    return send(reply, 200, signInPage(await frame(request, reply, null)));
  });

  app.post(`${ROOM}/masuk`, limited(env.LOGIN_RATE_LIMIT, "1 minute", true), async (request, reply) => {
    if (!(await checkCsrf(request, reply, null))) return reply;
    const f = await frame(request, reply, null);
    const form = readForm(signInForm, request.body);
    if (!form.ok) return send(reply, 400, signInPage(f, form.errors, (request.body as Form)?.email ?? ""));
    const outcome = await db.transaction(async (tx) => {
      const result = await signInJournalist(tx, commandContext(request), form.data.email, form.data.password);
      if (result.ok) await startRoomSession(tx, env, request, reply, result.accountId);
      return result;
    });
    if (outcome.ok) return reply.redirect(ROOM, 303);
    const messages: Record<string, string> = {
      invalid_credentials: "Email atau kata sandi salah.",
      pending: "Pendaftaran Anda masih menunggu persetujuan humas.",
      rejected: "Pendaftaran Anda tidak disetujui. Hubungi humas instansi untuk keterangan.",
      deactivated: "Akun ruang media Anda telah dinonaktifkan.",
    };
    const status = outcome.reason === "invalid_credentials" ? 401 : 403;
    return send(reply, status, signInPage(f, { form: messages[outcome.reason] }, form.data.email));
  });

  app.post(`${ROOM}/keluar`, route, async (request, reply) => {
    const session = await loadRoomSession(db, request);
    if (session) {
      if (!(await checkCsrf(request, reply, session))) return reply;
      await endRoomSession(db, session.sessionId);
    }
    clearRoomCookie(reply);
    return reply.redirect(`${ROOM}/masuk`, 303);
  });

  // Register ------------------------------------------------------------------------------
  const registerOrgs = async () => (await directory()).list;
  app.get(`${ROOM}/daftar`, route, async (request, reply) => {
    return send(reply, 200, registerPage(await frame(request, reply, null), await registerOrgs()));
  });

  // Applications from one address (a press room behind one NAT may send several).
  app.post(`${ROOM}/daftar`, limited(30, "15 minutes", false), async (request, reply) => {
    if (!(await checkCsrf(request, reply, null))) return reply;
    const f = await frame(request, reply, null);
    const values = (request.body ?? {}) as Record<string, string>;
    const form = readForm(registerForm, values);
    if (!form.ok) return send(reply, 400, registerPage(f, await registerOrgs(), form.errors, values));
    try {
      await db.transaction((tx) => registerAccount(tx, commandContext(request), form.data));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return send(reply, err.status, registerPage(f, await registerOrgs(), formErrors(err), values));
    }
    return send(
      reply,
      201,
      messagePage(
        f,
        "Pendaftaran terkirim",
        "Terima kasih. Humas akan memeriksa pendaftaran Anda; Anda akan menerima email setelah diputuskan.",
      ),
    );
  });

  // Password reset ------------------------------------------------------------------------
  app.get(`${ROOM}/lupa-sandi`, route, async (request, reply) => send(reply, 200, resetRequestPage(await frame(request, reply, null))));

  app.post(`${ROOM}/lupa-sandi`, limited(5, "15 minutes", false), async (request, reply) => {
    if (!(await checkCsrf(request, reply, null))) return reply;
    const f = await frame(request, reply, null);
    const form = readForm(resetRequestForm, request.body);
    if (!form.ok) return send(reply, 400, resetRequestPage(f, form.errors));
    const emailId = await db.transaction((tx) => requestRoomPasswordReset(tx, commandContext(request), form.data.email));
    if (emailId) await sendQueuedEmail(services, emailId);
    return send(reply, 202, resetRequestPage(f, {}, true));
  });

  app.get(`${ROOM}/atur-ulang-sandi`, route, async (request, reply) => {
    const token = (request.query as Query).token ?? "";
    return send(reply, 200, resetConfirmPage(await frame(request, reply, null), token));
  });

  app.post(`${ROOM}/atur-ulang-sandi`, limited(env.LOGIN_RATE_LIMIT, "1 minute", false), async (request, reply) => {
    if (!(await checkCsrf(request, reply, null))) return reply;
    const f = await frame(request, reply, null);
    const form = readForm(resetConfirmForm, request.body);
    const token = (request.body as Form)?.token ?? "";
    if (!form.ok) return send(reply, 400, resetConfirmPage(f, token, form.errors));
    try {
      await db.transaction((tx) => confirmRoomPasswordReset(tx, commandContext(request), form.data.token, form.data.password));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return send(reply, err.status, resetConfirmPage(f, token, formErrors(err)));
    }
    clearRoomCookie(reply);
    return send(reply, 200, signInPage(f, {}, "", "Kata sandi telah diganti. Silakan masuk dengan kata sandi baru."));
  });

  // Releases ------------------------------------------------------------------------------
  app.get(ROOM, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    const q = request.query as Query;
    const type = NEWSROOM_TYPES.includes(q.type as NewsroomType) ? (q.type as NewsroomType) : undefined;
    const pageNumber = Math.min(Math.max(Number.parseInt(q.page ?? "1", 10) || 1, 1), 1000);
    const filter = { type, embargoOnly: q.embargo === "1", page: pageNumber };
    const rows = await listRoomItems(db, { path: session.path, ...filter, offset: (pageNumber - 1) * PAGE_SIZE, limit: PAGE_SIZE + 1 });
    return send(reply, 200, homePage(await frame(request, reply, session), rows.slice(0, PAGE_SIZE), filter, rows.length > PAGE_SIZE));
  });

  /** The item in the journalist's subtree with its press-kit photos; null → 404 page. */
  async function loadItem(session: RoomSession, id: string) {
    if (!UUID.test(id)) return null;
    const item = await findRoomItem(db, session.path, id);
    if (!item) return null;
    const dir = await directory();
    const org = dir.byId.get(item.organizationId) as NewsroomOrg;
    const f = (item.fields ?? {}) as ContentFields;
    const ids = [...(f.photos ?? []).map((p) => p.assetId), ...(f.images ?? []).map((i) => i.assetId), item.coverId];
    const assets = await assetsForItem(db, item, [...new Set(ids.filter((x): x is string => Boolean(x && UUID.test(x))))]);
    return { item, org, photos: pressKitPhotos(item, assets, org) };
  }

  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply, session: RoomSession) =>
    send(
      reply,
      404,
      messagePage(await frame(request, reply, session), "Tidak ditemukan", "Rilis ini tidak ada atau tidak tersedia untuk Anda."),
    );

  app.get<{ Params: { id: string } }>(`${ROOM}/rilis/:id`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    const found = await loadItem(session, request.params.id);
    if (!found) return notFoundPage(request, reply, session);
    const { item, org, photos } = found;
    await logEmbargoView(db, request, session, item as RoomItem & { organizationId: string }, "page");
    const publicUrl = item.embargoed ? null : absolute(services.publicUrl, itemPath(org.slug, item.slug));
    return send(reply, 200, itemPage(await frame(request, reply, session), item, photos.length > 0, publicUrl));
  });

  app.get<{ Params: { id: string } }>(`${ROOM}/rilis/:id/paket-media.zip`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    const found = await loadItem(session, request.params.id);
    if (!found || found.photos.length === 0) return notFoundPage(request, reply, session);
    const { item, org, photos } = found;
    await logEmbargoView(db, request, session, item as RoomItem & { organizationId: string }, "press_kit");
    const url = absolute(services.publicUrl, `${ROOM}/rilis/${item.id}`);
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="${item.slug}-paket-media.zip"`)
      .header("cache-control", "no-store")
      .send(pressKitZip(services.files, item, org, url, photos));
  });

  // Events and RSVP -----------------------------------------------------------------------
  const eventsView = async (request: FastifyRequest, reply: FastifyReply, session: RoomSession, status = 200, notice = "") => {
    const events = await listRoomEvents(db, session.path, session.journalistId);
    return send(reply, status, eventsPage(await frame(request, reply, session), events, session.journalistId !== null, notice));
  };

  app.get(`${ROOM}/acara`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    return eventsView(request, reply, session);
  });

  app.post<{ Params: { id: string } }>(`${ROOM}/acara/:id/rsvp`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    if (!(await checkCsrf(request, reply, session))) return reply;
    const form = readForm(rsvpForm, request.body);
    if (!form.ok) return eventsView(request, reply, session, 400, form.errors.answer ?? "Pilih jawaban kehadiran.");
    const journalistId = session.journalistId;
    if (!journalistId) return eventsView(request, reply, session, 409, "Akun Anda belum ditautkan dengan data wartawan.");
    if (!UUID.test(request.params.id) || !(await findRoomEvent(db, session.path, request.params.id))) {
      return send(
        reply,
        404,
        messagePage(await frame(request, reply, session), "Tidak ditemukan", "Acara ini tidak ada atau tidak tersedia untuk Anda."),
      );
    }
    try {
      await db.transaction((tx) => recordRsvp(tx, { eventId: request.params.id, journalistId, answer: form.data.answer }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return eventsView(request, reply, session, err.status, formErrors(err).form ?? "Jawaban tidak dapat disimpan.");
    }
    return reply.redirect(`${ROOM}/acara`, 303);
  });

  // Subscriptions -------------------------------------------------------------------------
  const subscriptionsView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: RoomSession,
    status = 200,
    errors: FieldErrors = {},
  ) => {
    const [subs, orgs] = await Promise.all([listSubscriptions(db, session.accountId), subtreeOrganizations(db, session.path)]);
    return send(reply, status, subscriptionsPage(await frame(request, reply, session), subs, orgs, errors));
  };

  app.get(`${ROOM}/langganan`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    return subscriptionsView(request, reply, session);
  });

  app.post(`${ROOM}/langganan`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    if (!(await checkCsrf(request, reply, session))) return reply;
    const form = readForm(subscribeForm, request.body);
    if (!form.ok) return subscriptionsView(request, reply, session, 400, form.errors);
    try {
      await db.transaction((tx) => subscribe(tx, session, form.data.kind, form.data.value));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return subscriptionsView(request, reply, session, err.status, { value: "Pilihan langganan tidak tersedia." });
    }
    return reply.redirect(`${ROOM}/langganan`, 303);
  });

  app.post<{ Params: { id: string } }>(`${ROOM}/langganan/:id/hapus`, route, async (request, reply) => {
    const session = await requireSession(request, reply);
    if (!session) return reply;
    if (!(await checkCsrf(request, reply, session))) return reply;
    if (UUID.test(request.params.id)) await db.transaction((tx) => unsubscribe(tx, session, request.params.id));
    return reply.redirect(`${ROOM}/langganan`, 303);
  });
}
