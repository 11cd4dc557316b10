/**
 * The one fetch wrapper of the staff app. It knows the API conventions so that feature code
 * never repeats them: base path, JSON, the CSRF header on writes, the UI language, and the
 * single error shape `{ error: { code, message, fields? } }`.
 */
import i18n from "../i18n";

export const API_BASE = "/api/v1";

/** Error thrown for every non-2xx answer; `message` is already localized by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole answer, for the few errors that carry more than a message (e.g. a fresh preview). */
    readonly data: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// The CSRF token lives in memory only: it comes from the session view (or the login answer).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (path: string) => void;
let onUnauthorized: UnauthorizedHandler = () => {};
/** main.tsx registers the redirect-to-sign-in handler here, keeping this module router-free. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, skipping empty values so URLs stay clean. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Some calls (session probe, sign-in) expect 401 and handle it themselves. */
  allowUnauthorized?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": i18n.language === "en" ? "en" : "id",
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary itself
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network_error", i18n.t("errors.network"));
  }

  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized(path);
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    if (data.error?.message) {
      return new ApiError(response.status, data.error.code ?? "error", data.error.message, data.error.fields, data);
    }
  } catch {
    // Not our JSON shape (proxy error page, empty body): fall through to a generic message.
  }
  const key = response.status === 429 ? "errors.tooMany" : "errors.generic";
  return new ApiError(response.status, `http_${response.status}`, i18n.t(key, { status: response.status }));
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
