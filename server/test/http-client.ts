/**
 * A tiny browser-like client for integration tests: keeps the session cookie and sends the
 * CSRF token on writes, like the staff app does.
 */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    readonly baseUrl: string,
    readonly lang: "id" | "en" = "id",
    readonly bearer: string | null = null,
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { "accept-language": this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== "GET") h["x-csrf-token"] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === "string") payload = body;
    else if (body !== undefined) {
      h["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers: h, body: payload, redirect: "manual" });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const value = setCookie.split(";")[0];
      this.cookie = value.endsWith("=") ? null : value;
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (json && typeof json === "object" && typeof json.csrfToken === "string" && json.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, body: json, text, headers: res.headers };
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body: unknown) => this.request("PATCH", url, body);
  put = (url: string, body: unknown) => this.request("PUT", url, body);
  delete = (url: string) => this.request("DELETE", url);

  async login(email: string, password: string) {
    const res = await this.post("/api/v1/auth/login", { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    return res;
  }
}
