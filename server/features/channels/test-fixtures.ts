import type { Role } from "../../../common/roles";
import { contentItems, mediaAssets } from "../../db/schema";
import { loadUserGrants } from "../../http/authenticate";
import type { CommandContext } from "../../http/route-kit";
import { newId } from "../../lib/ids";
import type { Services } from "../../services";
import type { SeedOrg } from "../../setup/seed-helpers";
import { createUser } from "../../test/factories";
import { type FakeGraph, startFakeGraph } from "../../test/fake-platforms/graph";
import { type FakeTelegram, startFakeTelegram } from "../../test/fake-platforms/telegram";
import { type FakeWebhook, startFakeWebhook } from "../../test/fake-platforms/webhook";
import { type FakeWordpress, startFakeWordpress } from "../../test/fake-platforms/wordpress";
import { type FakeX, startFakeX } from "../../test/fake-platforms/x";
import { type FakeYoutube, startFakeYoutube } from "../../test/fake-platforms/youtube";
import type { PlannedItem } from "./commands/plan-publications";
import { jpeg } from "./connectors/test-support";

/** Integration-test fixtures for channel publishing: every fake platform, content and media rows. */

export const TG_TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
export const FB_TOKEN = "EAAGm0PX4ZCpsBAKZAtesttokenvalue1234567890";
export const X_TOKEN = "x-oauth2-user-token-0123456789abcdef";
export const YT_TOKEN = "ya29.youtube-token-0123456789abcdef";
export const WEBHOOK_SECRET = "whsec-0123456789abcdef0123";
export const WP_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";

export interface Fakes {
  telegram: FakeTelegram;
  graph: FakeGraph;
  x: FakeX;
  youtube: FakeYoutube;
  webhook: FakeWebhook;
  wordpress: FakeWordpress;
  /** The env that points Sinergi at the fakes (and allows 127.0.0.1 through the guard). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startFakes(): Promise<Fakes> {
  const telegram = await startFakeTelegram({ token: TG_TOKEN });
  const graph = await startFakeGraph({ token: FB_TOKEN });
  const x = await startFakeX({ token: X_TOKEN });
  const youtube = await startFakeYoutube({ token: YT_TOKEN });
  const webhook = await startFakeWebhook({ secret: WEBHOOK_SECRET });
  const wordpress = await startFakeWordpress({ username: "humas", password: WP_PASSWORD });
  const all = [telegram, graph, x, youtube, webhook, wordpress];
  return {
    telegram,
    graph,
    x,
    youtube,
    webhook,
    wordpress,
    env: {
      OUTBOUND_ALLOW: "127.0.0.1",
      TELEGRAM_API_URL: telegram.url,
      GRAPH_API_URL: `${graph.url}/v21.0`,
      X_API_URL: x.url,
      YOUTUBE_API_URL: youtube.apiUrl,
      YOUTUBE_UPLOAD_URL: youtube.uploadUrl,
    },
    close: async () => {
      for (const f of all) await f.close();
    },
  };
}

/** Connection bodies for the API, one per platform, valid against the fakes. */
export const connections = (fakes: Fakes) => ({
  telegram: { platform: "telegram", botToken: TG_TOKEN, chatId: "@humas_uji" },
  facebook: { platform: "facebook", pageId: "104857600000001", pageAccessToken: FB_TOKEN },
  instagram: { platform: "instagram", igUserId: "17841400000000001", accessToken: FB_TOKEN },
  x: { platform: "x", accessToken: X_TOKEN },
  youtube: { platform: "youtube", accessToken: YT_TOKEN, channelId: fakes.youtube.channelId },
  webhook: { platform: "webhook", url: `${fakes.webhook.url}/sinergi`, signingSecret: WEBHOOK_SECRET },
  wordpress: { platform: "wordpress", siteUrl: fakes.wordpress.url, username: "humas", applicationPassword: WP_PASSWORD },
});

/** A published item as the content studio would hand it to planPublications. */
export async function seedItem(services: Services, org: SeedOrg, over: Partial<PlannedItem> = {}): Promise<PlannedItem> {
  const id = newId();
  const item: PlannedItem = {
    id,
    organizationId: org.id,
    orgPath: org.path,
    type: "berita",
    title: "Vaksinasi Gratis di Denpasar",
    summary: "Dinas Kesehatan membuka vaksinasi gratis setiap Sabtu.",
    bodyText: "Vaksinasi dibuka pukul 08.00.\n\nBawa KTP.",
    publicUrl: `https://sinergi.uji.go.id/berita/${id}`,
    mediaAssetIds: [],
    ...over,
  };
  await services.db.insert(contentItems).values({
    id,
    organizationId: org.id,
    type: item.type,
    title: item.title,
    slug: `item-${id}`,
    summary: item.summary,
    bodyText: item.bodyText,
    status: "published",
    publishedAt: new Date(),
    publicFrom: new Date(),
  });
  return item;
}

/** An image in the media library (the file in the store, the row with its dimensions). */
export async function seedImage(services: Services, org: SeedOrg, width: number, height: number): Promise<string> {
  const id = newId();
  const data = await jpeg(Math.min(width, 300), Math.round((Math.min(width, 300) * height) / width));
  const key = `media/${id}/large.jpg`;
  await services.files.put(key, data);
  await services.db.insert(mediaAssets).values({
    id,
    organizationId: org.id,
    kind: "image",
    fileKey: key,
    fileName: `foto-${width}x${height}.jpg`,
    mime: "image/jpeg",
    sizeBytes: data.length,
    width,
    height,
  });
  return id;
}

/** A command context for `role` on `org`, as a route would build it. */
export async function contextFor(services: Services, org: SeedOrg, role: Role): Promise<CommandContext & { userId: string }> {
  const user = await createUser(services, [{ org, role }]);
  const grants = await loadUserGrants(services.db, user.id);
  return { actor: { kind: "user", userId: user.id, name: "Uji", grants }, ip: null, locale: "id", services, userId: user.id };
}
