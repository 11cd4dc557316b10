import type { FastifyInstance, FastifyReply } from "fastify";
import { escapeHtml } from "../../public-site/render/html";
import { recordOpen, unsubscribeRecipient } from "./commands/record-feedback";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/** No session is read (the token is the credential), nothing is cached, and the page may post to itself. */
const ROUTE = {
  config: { policy: "public", anonymous: true },
  schema: { hide: true },
} as const;
const HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};
// A transparent 1×1 GIF.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .headers(HEADERS)
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(
        title,
      )}</title><style>body{font-family:sans-serif;max-width:560px;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem}</style></head><body><h1>${escapeHtml(
        title,
      )}</h1>${body}</body></html>`,
    );
}

const invalid = (reply: FastifyReply) =>
  page(reply, 404, "Tautan tidak valid", "<p>Tautan berhenti berlangganan ini tidak dikenal. Periksa kembali tautan pada email Anda.</p>");

/**
 * RFC 8058 one-click unsubscribe: `POST /u/<token>` (what mail clients send with
 * `List-Unsubscribe=One-Click`) unsubscribes at once; `GET` only shows a confirmation page, since
 * link scanners follow GET links. Registered at the site root so the link stays short.
 */
export async function unsubscribePlugin(app: FastifyInstance) {
  const { db, env } = app.services;
  // Mail clients post the one-click body as a form; its content does not matter.
  if (!app.hasContentTypeParser("application/x-www-form-urlencoded"))
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 4096 }, (_r, body, done) =>
      done(null, body),
    );

  app.get<{ Params: { token: string } }>("/u/:token", ROUTE, async (request, reply) => {
    if (!verifyUnsubscribeToken(env, request.params.token)) return invalid(reply);
    return page(
      reply,
      200,
      "Berhenti berlangganan siaran pers",
      `<p>Tekan tombol di bawah ini bila Anda tidak ingin lagi menerima siaran pers dari pengirim ini.</p><form method="post"><button type="submit">Berhenti berlangganan</button></form>`,
    );
  });

  app.post<{ Params: { token: string } }>("/u/:token", ROUTE, async (request, reply) => {
    const id = verifyUnsubscribeToken(env, request.params.token);
    if (!id) return invalid(reply);
    const recipient = await db.transaction((tx) =>
      unsubscribeRecipient(tx, id, String(request.body ?? "").includes("One-Click") ? "one_click" : "page"),
    );
    if (!recipient) return invalid(reply);
    return page(
      reply,
      200,
      "Anda telah berhenti berlangganan",
      `<p>Alamat ${escapeHtml(recipient.email)} tidak akan lagi menerima siaran pers dari pengirim ini.</p>`,
    );
  });

  app.get<{ Params: { token: string } }>("/u/:token/o.gif", ROUTE, async (request, reply) => {
    const id = verifyUnsubscribeToken(env, request.params.token);
    if (id) await db.transaction((tx) => recordOpen(tx, id));
    return reply.headers({ "cache-control": "no-store" }).type("image/gif").send(PIXEL);
  });
}
