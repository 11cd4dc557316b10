import pino, { type Logger } from "pino";

/** JSON logs; secrets (cookies, tokens, passwords) are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
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
      ],
      censor: "[redacted]",
    },
  });
}
