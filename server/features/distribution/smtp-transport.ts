import type { SendMailOptions, Transporter } from "nodemailer";

/**
 * A pooled SMTP connection per SMTP_URL for distribution (bulk mail reuses connections; the
 * one-off mailer of server/features/email opens one per message, which is fine for it).
 */
const pools = new Map<string, Promise<Transporter>>();

export function distributionTransport(smtpUrl: string): Promise<Transporter> {
  let pool = pools.get(smtpUrl);
  if (!pool) {
    pool = import("nodemailer").then((m) => {
      const url = new URL(smtpUrl);
      url.searchParams.set("pool", "true");
      if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "5");
      if (!url.searchParams.has("maxMessages")) url.searchParams.set("maxMessages", "500");
      return m.default.createTransport(url.toString());
    });
    pools.set(smtpUrl, pool);
  }
  return pool;
}

export async function closeDistributionTransports() {
  const all = [...pools.values()];
  pools.clear();
  for (const p of all) (await p).close();
}

export type DeliveryOutcome =
  | { status: "accepted"; response: string }
  | { status: "deferred"; response: string }
  | { status: "bounced"; response: string };

/**
 * One message, one recipient: the server's reply decides. 2xx accepted; 4xx (or a network
 * failure, which is temporary by nature) deferred; 5xx bounced.
 */
export async function deliver(transport: Transporter, message: SendMailOptions): Promise<DeliveryOutcome> {
  try {
    const info = await transport.sendMail(message);
    if (info.rejected?.length) return { status: "bounced", response: String(info.response ?? "rejected").slice(0, 500) };
    return { status: "accepted", response: String(info.response ?? "250").slice(0, 500) };
  } catch (err) {
    const e = err as Error & { responseCode?: number; response?: string; rejectedErrors?: { responseCode?: number; response?: string }[] };
    const first = e.rejectedErrors?.[0];
    const code = first?.responseCode ?? e.responseCode;
    const response = String(first?.response ?? e.response ?? e.message).slice(0, 500);
    if (code !== undefined && code >= 500) return { status: "bounced", response };
    return { status: "deferred", response };
  }
}
