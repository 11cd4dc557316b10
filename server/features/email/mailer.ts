import type { Transporter } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Files sent along (the daily briefing PDF); not kept in the outbox row. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Delivers over SMTP when SMTP_URL is set; otherwise the outbox row is the delivery. */
export interface Mailer {
  transport: "smtp" | "outbox";
  deliver(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { transport: "outbox", deliver: async () => undefined, close: () => undefined };
  // Loaded on first send: the embedded default (outbox) never needs nodemailer.
  let transporter: Transporter | null = null;
  const connect = async () => {
    transporter ??= (await import("nodemailer")).default.createTransport(smtpUrl);
    return transporter;
  };
  return {
    transport: "smtp",
    deliver: async (email) => {
      await (await connect()).sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
        attachments: email.attachments,
      });
    },
    close: () => transporter?.close(),
  };
}
