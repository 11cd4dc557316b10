import pino, { type DestinationStream, type Logger } from "pino";

/** Drops query strings and the token segment of invitation links from logged URLs. */
export function maskUrl(url: string | undefined): string | undefined {
  return url?.split("?")[0].replace(/(\/invitations\/)[^/]+/, "$1[redacted]");
}

/** JSON logs; secrets (cookies, tokens, passwords) are redacted wherever they appear. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "req.headers['x-csrf-token']",
        'res.headers["set-cookie"]',
        "*.password",
        "*.currentPassword",
        "*.newPassword",
        "*.token",
        "*.secret",
        // Channel credentials (Telegram, Graph, X, YouTube, webhook, WordPress).
        "*.accessToken",
        "*.botToken",
        "*.applicationPassword",
        "*.pageAccessToken",
        "*.refreshToken",
        "*.signingSecret",
        "*.secretEnc",
      ],
      censor: "[redacted]",
    },
    serializers: {
      // One-time links carry their secret in the path or query: log neither.
      req: (req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
        method: req.method,
        url: maskUrl(req.url),
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
