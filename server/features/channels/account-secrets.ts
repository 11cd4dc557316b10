import { CHANNEL_FIELDS, type ChannelConnection, type ChannelPlatform } from "../../../common/schemas/channels";
import type { Env } from "../../env";
import { secretBox } from "../../lib/secret-box";
import type { ConnectorAccount } from "./connectors/connector";
import { PlatformError } from "./connectors/platform-error";

/** Kept in `config` beside the public settings; the presenter shows it as `secretHint`. */
export const HINT_KEY = "secretHint";

/**
 * Splits a connection into public settings (stored as they are) and secrets (sealed with the
 * row id as context, so the value does not open in another row).
 */
export function sealConnection(env: Env, accountId: string, connection: ChannelConnection) {
  const fields = CHANNEL_FIELDS[connection.platform];
  const values = connection as unknown as Record<string, string | undefined>;
  const config: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (value === undefined || value === "") continue;
    if (f.secret) secret[f.name] = value;
    else config[f.name] = value;
  }
  const main = fields.find((f) => f.secret && secret[f.name]);
  const token = main ? secret[main.name] : "";
  // Four trailing characters tell two tokens apart; short secrets show nothing at all.
  config[HINT_KEY] = token.length >= 16 ? `••••${token.slice(-4)}` : "••••";
  return { config, secretEnc: secretBox(env).seal(secret, accountId) };
}

/** The account as a connector needs it, secret opened. */
export function openAccount(
  env: Env,
  row: { id: string; name: string; config: Record<string, string>; secretEnc: string | null },
): ConnectorAccount {
  let secret: Record<string, string> = {};
  try {
    if (row.secretEnc) secret = secretBox(env).open<Record<string, string>>(row.secretEnc, row.id);
  } catch {
    // A different SECRETS_KEY (or a lost secrets.key): nothing to do but reconnect.
    throw new PlatformError("local", "Sinergi", "Token tersimpan tidak dapat dibuka (kunci rahasia server berubah); hubungkan ulang akun.");
  }
  return { id: row.id, name: row.name, config: row.config, secret };
}

/** Only the platform's non-secret settings leave the server. */
export function publicConfig(platform: string, config: Record<string, string>): Record<string, string> {
  const fields = CHANNEL_FIELDS[platform as ChannelPlatform] ?? [];
  const out: Record<string, string> = {};
  for (const f of fields) if (!f.secret && config[f.name] !== undefined) out[f.name] = config[f.name];
  return out;
}
