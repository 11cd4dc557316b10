import type { Locale } from "../../../common/roles";
import type { OutgoingEmail } from "./mailer";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(to: string, subject: string, paragraphs: string[], link: { url: string; label: string }): OutgoingEmail {
  const text = `${paragraphs.join("\n\n")}\n\n${link.label}: ${link.url}\n`;
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join(
      "",
    )}<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p><p style="color:#666;font-size:12px">${escapeHtml(link.url)}</p></body></html>`;
  return { to, subject, text, html };
}

export function invitationEmail(
  locale: Locale,
  p: { to: string; name: string; inviter: string; organizations: string; url: string; days: number },
) {
  return locale === "en"
    ? render(
        p.to,
        "Invitation to Sinergi",
        [
          `Hello ${p.name},`,
          `${p.inviter} invited you to Sinergi, the government PR platform, for: ${p.organizations}.`,
          `Set your password through the link below. It is valid for ${p.days} days.`,
        ],
        { url: p.url, label: "Accept invitation" },
      )
    : render(
        p.to,
        "Undangan bergabung ke Sinergi",
        [
          `Yth. ${p.name},`,
          `${p.inviter} mengundang Anda ke Sinergi, platform kehumasan pemerintah, untuk: ${p.organizations}.`,
          `Buat kata sandi Anda melalui tautan di bawah ini. Tautan berlaku ${p.days} hari.`,
        ],
        { url: p.url, label: "Terima undangan" },
      );
}

export function passwordResetEmail(locale: Locale, p: { to: string; name: string; url: string; minutes: number }) {
  return locale === "en"
    ? render(
        p.to,
        "Reset your Sinergi password",
        [
          `Hello ${p.name},`,
          `Someone asked to reset the password of your Sinergi account. If it was you, use the link below within ${p.minutes} minutes.`,
          "If it was not you, ignore this email: your password stays the same.",
        ],
        { url: p.url, label: "Reset password" },
      )
    : render(
        p.to,
        "Atur ulang kata sandi Sinergi",
        [
          `Yth. ${p.name},`,
          `Ada permintaan untuk mengatur ulang kata sandi akun Sinergi Anda. Jika itu Anda, gunakan tautan di bawah ini dalam ${p.minutes} menit.`,
          "Jika bukan Anda, abaikan email ini: kata sandi Anda tetap sama.",
        ],
        { url: p.url, label: "Atur ulang kata sandi" },
      );
}

/** An in-app notification mirrored by email (review requests, returns, mentions). */
export function notificationEmail(locale: Locale, p: { to: string; name: string; title: string; body: string; url: string }) {
  return render(p.to, p.title, [locale === "en" ? `Hello ${p.name},` : `Yth. ${p.name},`, p.title, ...(p.body ? [p.body] : [])], {
    url: p.url,
    label: locale === "en" ? "Open in Sinergi" : "Buka di Sinergi",
  });
}

/** A channel account needs attention before a scheduled post fails (expiring token, failed check). */
export function channelAlertEmail(
  locale: Locale,
  p: { to: string; name: string; account: string; platform: string; problem: string; url: string },
) {
  return locale === "en"
    ? render(
        p.to,
        `Channel ${p.account} (${p.platform}) needs attention`,
        [`Hello ${p.name},`, p.problem, "Reconnect or check the account before a scheduled post fails."],
        { url: p.url, label: "Open Channels" },
      )
    : render(
        p.to,
        `Kanal ${p.account} (${p.platform}) perlu ditindaklanjuti`,
        [`Yth. ${p.name},`, p.problem, "Hubungkan ulang atau periksa akun ini sebelum ada kiriman terjadwal yang gagal."],
        { url: p.url, label: "Buka halaman Kanal" },
      );
}
