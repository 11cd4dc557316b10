import { randomBytes } from "node:crypto";
import { insertImageAsset, insertItem } from "../../public-site/test-fixtures";
import type { SeedOrg } from "../../setup/seed-helpers";
import type { TestClient } from "../../test/http-client";
import type { TestServer } from "../../test/test-server";

export const releaseConsent = {
  purpose: "Distribusi rilis dan siaran pers",
  basis: "persetujuan",
  consentedAt: "2025-03-01T09:00:00+08:00",
  source: "formulir akreditasi",
};

const uid = () => randomBytes(3).toString("hex");

/** An outlet and journalists with release consent, written through the API like a user would. */
export async function journalistsWithOutlet(
  client: TestClient,
  org: SeedOrg,
  people: { name: string; email: string | null; consent?: boolean; beats?: string[] }[],
  outlet: { type?: string; dewanPersStatus?: string } = {},
) {
  const o = await client.post("/api/v1/media-outlets", {
    organizationId: org.id,
    name: `Media Uji ${uid()}`,
    type: outlet.type ?? "siber",
    dewanPersStatus: outlet.dewanPersStatus ?? "terverifikasi_faktual",
  });
  if (o.status !== 201) throw new Error(`outlet: ${o.status} ${o.text}`);
  const ids: string[] = [];
  for (const p of people) {
    const res = await client.post("/api/v1/journalists", {
      organizationId: org.id,
      name: p.name,
      email: p.email,
      beats: p.beats ?? ["pemerintahan"],
      memberships: [{ outletId: o.body.id, role: "reporter" }],
      consent: p.consent === false ? null : releaseConsent,
    });
    if (res.status !== 201) throw new Error(`journalist: ${res.status} ${res.text}`);
    ids.push(res.body.id);
  }
  return { outletId: o.body.id as string, ids };
}

/** A published siaran pers with one photo; `embargoHours` > 0 makes it embargoed. */
export async function publishedRelease(server: TestServer, org: SeedOrg, opts: { embargoHours?: number; status?: string } = {}) {
  const photo = await insertImageAsset(server.services, org);
  return insertItem(server.services, org, {
    type: "siaran_pers",
    title: `Vaksinasi Gratis di Puskesmas ${uid()}`,
    summary: "Dinas Kesehatan membuka vaksinasi gratis bagi warga.",
    bodyHtml: "<p>Vaksinasi dibuka setiap Senin sampai Jumat.</p>",
    fields: { photos: [{ assetId: photo.id, caption: "Vaksinasi", credit: "Humas", place: "Samarinda", takenAt: "" }] },
    coverAssetId: photo.id,
    publicInHours: opts.embargoHours ?? -1,
    status: opts.status,
  });
}
