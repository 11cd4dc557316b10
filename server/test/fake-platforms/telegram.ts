import { type FakeServer, startFakeServer } from "./fake-server";

/**
 * A local Telegram Bot API (core.telegram.org/bots/api): getMe, getChat, sendMessage, sendPhoto,
 * sendVideo and sendMediaGroup on /bot<token>/<method>, with the documented `{ ok, result }`
 * and `{ ok: false, error_code, description }` answers.
 */
export interface TelegramPost {
  method: "sendMessage" | "sendPhoto" | "sendVideo" | "sendMediaGroup";
  chatId: string;
  /** The message text, or the (first) caption. */
  text: string;
  /** Files uploaded with it. */
  files: number;
  messageId: number;
}

export interface FakeTelegram extends Omit<FakeServer, "requests"> {
  /** Posts that reached a chat, in order (getMe/getChat are not posts). */
  received: TelegramPost[];
  requests: FakeServer["requests"];
}

export interface FakeTelegramOptions {
  /** Only this bot token is valid (others answer 401); any token when unset. */
  token?: string;
  /** Chats the bot can post to (numeric ids or @usernames); any chat when unset. */
  chats?: string[];
  /** Whether the bot is an admin allowed to post (getChatMember); true by default. */
  admin?: boolean;
}

const CHANNEL_ID = -1001234567890;

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const received: TelegramPost[] = [];
  let nextId = 100;
  const fake = await startFakeServer((req) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.path);
    if (!m) return { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    const [, token, method] = m;
    if (options.token && token !== options.token) return { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } };
    if (method === "getMe")
      return {
        body: {
          ok: true,
          result: { id: 7000000001, is_bot: true, first_name: "Humas Bot", username: "humas_uji_bot", can_join_groups: true },
        },
      };
    const chatId = req.fields.chat_id ?? "";
    if (!chatId) return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" } };
    if (options.chats && !options.chats.includes(chatId))
      return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } };
    const chat = chatId.startsWith("@")
      ? { id: CHANNEL_ID, title: "Kanal Humas", username: chatId.slice(1), type: "channel" }
      : { id: Number(chatId), title: "Kanal Humas", type: "channel" };
    if (method === "getChat") return { body: { ok: true, result: { ...chat, description: "Kanal resmi" } } };
    if (method === "getChatMember") {
      const user = { id: Number(req.fields.user_id), is_bot: true, first_name: "Humas Bot", username: "humas_uji_bot" };
      return {
        body: {
          ok: true,
          result:
            options.admin === false
              ? { status: "member", user }
              : {
                  status: "administrator",
                  user,
                  can_be_edited: false,
                  can_post_messages: true,
                  can_edit_messages: true,
                  can_delete_messages: true,
                },
        },
      };
    }
    const date = Math.floor(Date.now() / 1000);
    const message = (extra: object) => ({ message_id: nextId++, sender_chat: chat, chat, date, ...extra });
    const photo = [{ file_id: "AgACAgUAAx0", file_unique_id: "AQAD", width: 1280, height: 853, file_size: 120_000 }];
    const files = Object.keys(req.files).length;
    switch (method) {
      case "sendMessage": {
        if (!req.fields.text)
          return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: message text is empty" } };
        if ([...req.fields.text].length > 4096)
          return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: message is too long" } };
        const result = message({ text: req.fields.text });
        received.push({ method, chatId, text: req.fields.text, files, messageId: result.message_id });
        return { body: { ok: true, result } };
      }
      case "sendPhoto":
      case "sendVideo": {
        const field = method === "sendPhoto" ? "photo" : "video";
        if (!req.files[field] && !req.fields[field])
          return { status: 400, body: { ok: false, error_code: 400, description: `Bad Request: there is no ${field} in the request` } };
        const caption = req.fields.caption ?? "";
        if ([...caption].length > 1024)
          return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: message caption is too long" } };
        const result = message(method === "sendPhoto" ? { photo, caption } : { video: { file_id: "BAACAgUAAx0", duration: 30 }, caption });
        received.push({ method, chatId, text: caption, files, messageId: result.message_id });
        return { body: { ok: true, result } };
      }
      case "sendMediaGroup": {
        const media = JSON.parse(req.fields.media ?? "[]") as { type: string; media: string; caption?: string }[];
        if (media.length < 2 || media.length > 10)
          return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: wrong number of media files" } };
        const groupId = String(Date.now());
        const result = media.map((item) => message({ media_group_id: groupId, photo, ...(item.caption ? { caption: item.caption } : {}) }));
        received.push({ method, chatId, text: media[0].caption ?? "", files, messageId: result[0].message_id });
        return { body: { ok: true, result } };
      }
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: "Not Found: method not found" } };
    }
  });
  return Object.assign(fake, { received }) as FakeTelegram;
}
