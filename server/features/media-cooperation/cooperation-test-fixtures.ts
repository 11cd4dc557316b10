import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SeedOrg } from "../../setup/seed-helpers";
import type { TestClient } from "../../test/http-client";
import { newWorkbook } from "../reports/xlsx";

/** Test helpers for media cooperation: an outlet with its staff, a contract body, downloads. */

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const YEAR = new Date().getUTCFullYear();

export interface OutletSetup {
  status?: "tidak_terdaftar" | "terverifikasi_administratif" | "terverifikasi_faktual";
  expiresOn?: string | null;
  pemredUkw?: "muda" | "madya" | "utama" | null;
  reporterUkw?: "muda" | "madya" | "utama" | null;
}

/** An outlet with a pemimpin redaksi and a reporter, as the media-relations API creates them. */
export async function outletWithStaff(client: TestClient, org: SeedOrg, name: string, setup: OutletSetup = {}) {
  const outlet = await client.post("/api/v1/media-outlets", {
    organizationId: org.id,
    name,
    company: `PT ${name}`,
    type: "siber",
    dewanPersStatus: setup.status ?? "terverifikasi_faktual",
    certificateNumber: "001/DP-F/2024",
    certificateDate: day(-400),
    certificateExpiresOn: setup.expiresOn === undefined ? day(1200) : setup.expiresOn,
  });
  if (outlet.status !== 201) throw new Error(`outlet: ${outlet.status} ${outlet.text}`);
  const person = async (who: string, role: string, ukwLevel: string | null | undefined) => {
    const res = await client.post("/api/v1/journalists", {
      organizationId: org.id,
      name: `${who} ${name}`,
      memberships: [{ outletId: outlet.body.id, role }],
      ukwLevel: ukwLevel ?? null,
    });
    if (res.status !== 201) throw new Error(`journalist: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const pemredId = setup.pemredUkw === null ? null : await person("Pemred", "pemimpin_redaksi", setup.pemredUkw ?? "utama");
  const reporterId = await person("Reporter", "reporter", setup.reporterUkw === undefined ? "madya" : setup.reporterUkw);
  return { outletId: outlet.body.id as string, pemredId, reporterId };
}

export function contractBody(org: SeedOrg, outletId: string, extra: Record<string, unknown> = {}) {
  return {
    organizationId: org.id,
    outletId,
    fiscalYear: YEAR,
    number: `027/KS-MEDIA/${Math.floor(Math.random() * 1e6)}`,
    formCode: "pemberitaan",
    title: "Publikasi program imunisasi",
    valueRupiah: 15_000_000,
    quota: 2,
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    budgetLine: "5.1.02.02.01.0063 - Sub kegiatan Pengelolaan Media Komunikasi Publik",
    terms: [
      { amountRupiah: 7_500_000, dueOn: `${YEAR}-06-30` },
      { amountRupiah: 7_500_000, dueOn: `${YEAR}-12-15` },
    ],
    ...extra,
  };
}

/** The raw bytes of a download (the test client reads text). */
export async function fetchBinary(baseUrl: string, client: TestClient, url: string) {
  const res = await fetch(`${baseUrl}${url}`, { headers: { cookie: client.cookie ?? "", "accept-language": client.lang } });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    disposition: res.headers.get("content-disposition"),
    data: Buffer.from(await res.arrayBuffer()),
  };
}

export function pdfText(data: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sinergi-spj-"));
  const file = path.join(dir, "spj.pdf");
  writeFileSync(file, data);
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/[ \n]+/g, " ");
}

export async function readXlsx(data: Buffer) {
  const wb = await newWorkbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A multipart form for a deliverable; files are [name, bytes, mime]. */
export function deliverableForm(fields: Record<string, string>, files: [string, Buffer, string, string][] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [field, data, mime, fileName] of files) form.append(field, new Blob([new Uint8Array(data)], { type: mime }), fileName);
  return form;
}
