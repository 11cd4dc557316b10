import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** Delivers over SMTP when SMTP_URL is set; otherwise the outbox row is the delivery. */
export interface Mailer {
  transport: "smtp" | "outbox";
  deliver(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { transport: "outbox", deliver: async () => undefined, close: () => undefined };
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    transport: "smtp",
    deliver: async (email) => {
      await transporter.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html ?? undefined });
    },
    close: () => transporter.close(),
  };
}
