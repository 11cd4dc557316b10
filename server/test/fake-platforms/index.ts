/** Local servers speaking the documented protocols of the platforms Sinergi posts to. */
export { startFakeFacebook } from "./facebook";
export { type FakeServer, startFakeServer } from "./fake-server";
export { type FakeGraph, startFakeGraph } from "./graph";
export { startFakeInstagram } from "./instagram";
export { type FakeTelegram, startFakeTelegram, type TelegramPost } from "./telegram";
export { type FakeWebhook, startFakeWebhook } from "./webhook";
export { type FakeWordpress, startFakeWordpress } from "./wordpress";
export { type FakeX, startFakeX } from "./x";
export { type FakeYoutube, startFakeYoutube } from "./youtube";
