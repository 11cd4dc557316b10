/** The address part of MAIL_FROM ("Sinergi <no-reply@x>" or a bare address). */
export function mailFromAddress(mailFrom: string): string {
  return (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}

/** Releases go out in the name of the organization, from the configured address. */
export function senderAddress(mailFrom: string, organizationName: string): string {
  const name = organizationName.replace(/["\\\r\n]/g, " ").trim();
  return `"${name}" <${mailFromAddress(mailFrom)}>`;
}

export const mailDomain = (mailFrom: string) => mailFromAddress(mailFrom).split("@")[1] ?? "sinergi.local";
