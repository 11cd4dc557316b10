import type { Connector, ConnectorAccount, ConnectorDeps, Issue, Post } from "./connector";
import { call, charCount, type FilePart, failure, imagesOf, jsonOf, multipart, unreadable, videosOf } from "./http";
import { failedCheck } from "./platform-error";
import { emptyPost, mediaSize, onlyKinds, textLength, tooMany } from "./validate";

const label = "Telegram";
const LIMITS = { text: 4096, caption: 1024, maxMedia: 10 };

/** Telegram's own descriptions, said the way a PR officer can act on. */
function explain(description: unknown): string {
  const d = String(description ?? "");
  if (/^(Unauthorized|Forbidden)$/i.test(d.trim())) return "";
  if (/chat not found/i.test(d)) return "kanal tidak ditemukan; periksa ID atau @username kanal";
  if (/not a member|not enough rights|have no rights|kicked/i.test(d)) return "bot belum menjadi admin kanal dengan izin mengirim pesan";
  if (/message is too long|caption is too long/i.test(d)) return "teks terlalu panjang";
  if (/wrong file|failed to get http url content|IMAGE_PROCESS_FAILED|PHOTO_INVALID/i.test(d)) return "berkas media tidak dapat diproses";
  return d.replace(/^(Bad Request|Forbidden|Unauthorized):\s*/i, "");
}

/** Telegram Bot API: sendMessage / sendPhoto / sendMediaGroup / sendVideo, getMe + getChat. */
export function telegramConnector(deps: ConnectorDeps): Connector {
  const endpoint = (account: ConnectorAccount, method: string) =>
    `${deps.env.TELEGRAM_API_URL.replace(/\/$/, "")}/bot${account.secret.botToken}/${method}`;

  async function api(account: ConnectorAccount, method: string, body: Record<string, unknown>, files: FilePart[] = [], critical = false) {
    let payload: { body: Buffer | string; contentType: string };
    if (files.length === 0) payload = { body: JSON.stringify(body), contentType: "application/json" };
    else {
      const fields = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
      payload = await multipart(fields, files);
    }
    const res = await call(deps, label, endpoint(account, method), {
      method: "POST",
      headers: { "content-type": payload.contentType },
      body: payload.body,
      critical,
      timeoutMs: files.length ? 120_000 : 30_000,
    });
    const json = jsonOf(res);
    if (res.status >= 200 && res.status < 300) {
      if (json.ok === true) return json.result;
      throw unreadable(label, critical);
    }
    throw failure(res, label, explain(json.description), critical);
  }

  const messageUrl = (chat: { id?: number; username?: string } | undefined, configured: string, messageId: number) => {
    const username = chat?.username ?? (configured.startsWith("@") ? configured.slice(1) : null);
    if (username) return `https://t.me/${username}/${messageId}`;
    const id = String(chat?.id ?? configured);
    return id.startsWith("-100") ? `https://t.me/c/${id.slice(4)}/${messageId}` : null;
  };

  return {
    platform: "telegram",
    label,
    limits: LIMITS,

    validate(post: Post): Issue[] {
      const images = imagesOf(post.media);
      const videos = videosOf(post.media);
      const issues: Issue[] = [...onlyKinds(label, post.media, ["image", "video"])];
      if (videos.length > 0 && post.media.length > 1) issues.push({ code: "channel_media_mixed", params: { platform: label } });
      issues.push(...tooMany(label, images.length, LIMITS.maxMedia));
      issues.push(...mediaSize(label, post.media, 10, "image"), ...mediaSize(label, post.media, 50, "video"));
      const length = charCount(post.text);
      if (post.media.length > 0) issues.push(...textLength(label, length, LIMITS.caption, "channel_caption_too_long"));
      else if (!post.text.trim()) issues.push(emptyPost(label));
      else issues.push(...textLength(label, length, LIMITS.text));
      return issues;
    },

    preview: (post) => ({ text: post.text, mediaCount: post.media.length }),

    async publish(account, post) {
      const chatId = account.config.chatId;
      const images = imagesOf(post.media);
      const videos = videosOf(post.media);
      let result: any;
      if (videos.length === 1) {
        const file = await videos[0].load();
        result = await api(
          account,
          "sendVideo",
          { chat_id: chatId, caption: post.text, supports_streaming: "true" },
          [{ field: "video", ...file }],
          true,
        );
      } else if (images.length === 1) {
        const file = await images[0].load();
        result = await api(account, "sendPhoto", { chat_id: chatId, caption: post.text }, [{ field: "photo", ...file }], true);
      } else if (images.length > 1) {
        const files = await Promise.all(images.map((m) => m.load()));
        const media = files.map((_, i) => ({ type: "photo", media: `attach://photo${i}`, ...(i === 0 ? { caption: post.text } : {}) }));
        const parts = files.map((f, i) => ({ field: `photo${i}`, ...f }));
        const messages = await api(account, "sendMediaGroup", { chat_id: chatId, media }, parts, true);
        result = Array.isArray(messages) ? messages[0] : undefined;
      } else {
        result = await api(account, "sendMessage", { chat_id: chatId, text: post.text }, [], true);
      }
      if (!result?.message_id) throw unreadable(label, true);
      return { externalId: String(result.message_id), url: messageUrl(result.chat, chatId, result.message_id) };
    },

    async check(account) {
      try {
        const me = await api(account, "getMe", {});
        await api(account, "getChat", { chat_id: account.config.chatId });
        // Reaching the chat is not enough: the bot must be an admin allowed to post.
        const member = await api(account, "getChatMember", { chat_id: account.config.chatId, user_id: me?.id });
        const canPost = member?.status === "creator" || (member?.status === "administrator" && member.can_post_messages !== false);
        if (!canPost) return { ok: false, auth: false, error: "Bot belum menjadi admin kanal dengan izin mengirim pesan." };
        return { ok: true };
      } catch (err) {
        return failedCheck(err);
      }
    },
  };
}
