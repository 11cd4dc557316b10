import { journalistAccounts } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { Services } from "../../services";
import type { SeedOrg } from "../../setup/seed-helpers";

/**
 * A browser for the media room in tests: keeps every cookie it is given (session and form
 * token), posts urlencoded forms with the CSRF field read from the last page, follows nothing.
 */
export class RoomBrowser {
  cookies = new Map<string, string>();
  lastHtml = "";
  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string) {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    this.keep(res);
    const body = Buffer.from(await res.arrayBuffer());
    const text = body.toString("utf8");
    if ((res.headers.get("content-type") ?? "").startsWith("text/html")) this.lastHtml = text;
    return { status: res.status, text, body, headers: res.headers };
  }

  /** The CSRF token of the last page's forms. */
  get csrf(): string {
    return /name="csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? "";
  }

  async post(path: string, fields: Record<string, string>, opts: { csrf?: string | null } = {}) {
    const form = new URLSearchParams(fields);
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf !== null) form.set("csrf", csrf);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    this.keep(res);
    const text = await res.text();
    if ((res.headers.get("content-type") ?? "").startsWith("text/html")) this.lastHtml = text;
    return { status: res.status, text, headers: res.headers };
  }

  async signIn(email: string, password: string) {
    await this.get("/media-room/masuk");
    return this.post("/media-room/masuk", { email, password });
  }
}

export const ROOM_PASSWORD = "Wartawan-Kopi-Toraja-2026";

let phoneSeq = 0;
/** A registration form; each call uses another phone number (journalist contacts are unique per organization). */
export const applicationFields = (org: SeedOrg, email: string, name = "Ni Luh Wartawati") => ({
  organizationId: org.id,
  name,
  email,
  outlet: "Harian Uji Pos",
  role: "reporter",
  pressCardNumber: "UKW-123/2026",
  phone: `0812 ${String(Date.now() % 10_000).padStart(4, "0")} ${String(++phoneSeq).padStart(4, "0")}`,
  password: ROOM_PASSWORD,
});

/** An application written straight to the table (for staff-side tests that never sign in). */
export async function insertApplication(services: Services, org: SeedOrg, over: Partial<typeof journalistAccounts.$inferInsert> = {}) {
  const id = newId();
  const seq = ++phoneSeq;
  const row = {
    id,
    organizationId: org.id,
    name: `Pelamar ${seq}`,
    email: `pelamar-${id.slice(-12)}@media-uji.id`,
    outlet: "Radio Uji FM",
    role: "reporter",
    pressCardNumber: `PC-${seq}`,
    phone: `+62813${String(Date.now() % 100_000).padStart(5, "0")}${String(seq).padStart(3, "0")}`,
    passwordHash: "not-used-in-this-test",
    ...over,
  };
  await services.db.insert(journalistAccounts).values(row);
  return row;
}
