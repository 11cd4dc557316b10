import type { ChannelPlatform } from "../../../../common/schemas/channels";
import type { Env } from "../../../env";
import { createSafeFetch } from "../../../lib/safe-fetch";
import type { Connector, ConnectorDeps } from "./connector";
import { facebookConnector } from "./facebook";
import { instagramConnector } from "./instagram";
import { telegramConnector } from "./telegram";
import { webhookConnector } from "./webhook";
import { wordpressConnector } from "./wordpress";
import { xConnector } from "./x";
import { youtubeConnector } from "./youtube";

export type Connectors = Record<ChannelPlatform, Connector>;

const cache = new WeakMap<Env, Connectors>();

/** Every connector, wired to the configured base URLs and to the outbound guard. */
export function connectorsFor(env: Env): Connectors {
  let connectors = cache.get(env);
  if (!connectors) {
    const deps: ConnectorDeps = { fetch: createSafeFetch(env.OUTBOUND_ALLOW), env };
    connectors = {
      telegram: telegramConnector(deps),
      facebook: facebookConnector(deps),
      instagram: instagramConnector(deps, { pollMs: env.NODE_ENV === "test" ? 10 : 2000 }),
      x: xConnector(deps),
      youtube: youtubeConnector(deps),
      webhook: webhookConnector(deps),
      wordpress: wordpressConnector(deps),
    };
    cache.set(env, connectors);
  }
  return connectors;
}

export function connectorFor(env: Env, platform: string): Connector {
  const connector = connectorsFor(env)[platform as ChannelPlatform];
  if (!connector) throw new Error(`no connector for ${platform}`);
  return connector;
}
