import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Fails fast with a message that names the variable,
 * so a misconfigured deployment never starts half-working.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Sinergi <no-reply@sinergi.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
  // Media library: photos are re-encoded in memory, so they get their own, smaller limit.
  MEDIA_IMAGE_MAX_MB: z.coerce.number().int().min(1).max(200).default(25),
  MEDIA_MAX_MB: z.coerce.number().int().min(1).max(20_480).default(2048),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // Channel publishing: platform base URLs (tests point them at local fake servers).
  TELEGRAM_API_URL: z.url().default("https://api.telegram.org"),
  GRAPH_API_URL: z.url().default("https://graph.facebook.com/v21.0"),
  X_API_URL: z.url().default("https://api.x.com"),
  YOUTUBE_API_URL: z.url().default("https://www.googleapis.com/youtube/v3"),
  YOUTUBE_UPLOAD_URL: z.url().default("https://www.googleapis.com/upload/youtube/v3"),
  // Monitoring: OCR of newspaper scans (tesseract-ocr + tesseract-ocr-ind, poppler-utils for PDFs).
  TESSERACT_BIN: z.string().default("tesseract"),
  OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  OCR_MAX_PAGES: z.coerce.number().int().min(1).max(500).default(40),
  OCR_SCAN_MAX_MB: z.coerce.number().int().min(1).max(500).default(40),
  /** Outbound requests may reach these hosts or CIDRs even when private (tests, local servers). */
  OUTBOUND_ALLOW: z.string().optional(),
  /** base64 of 32 bytes; without it a key is generated into DATA_DIR/secrets.key. */
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of 32 bytes (openssl rand -base64 32)")
    .optional(),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (DATABASE_URL= in a shell or .env) means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
