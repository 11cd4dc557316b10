import { sql } from "drizzle-orm";
import { DEWAN_PERS_STATUSES, JOURNALIST_ROLES, OUTLET_TYPES, type UKW_LEVELS } from "../../common/media-relations-enums";
import type { Db } from "../../server/db/client";
import { journalistMemberships, journalists, mediaOutlets, organizations } from "../../server/db/schema";
import { regionCatalog } from "../../server/features/regions/region-catalog";
import { newId } from "../../server/lib/ids";
import { BALINESE_GIVEN, FAMILY, GIVEN } from "./names";
import { prng } from "./seed";

export const BEATS = [
  "pemerintahan",
  "politik",
  "hukum",
  "ekonomi",
  "kesehatan",
  "pendidikan",
  "olahraga",
  "pariwisata",
  "lingkungan",
  "infrastruktur",
  "kriminal",
  "budaya",
  "pertanian",
  "teknologi",
] as const;

const OUTLET_PREFIX = [
  "Radar",
  "Suara",
  "Warta",
  "Kabar",
  "Berita",
  "Jurnal",
  "Harian",
  "Media",
  "Portal",
  "Info",
  "Lintas",
  "Metro",
  "Tribun",
  "Pos",
];
const OUTLET_SUFFIX = ["", " Online", " News", " TV", " FM", " Daily", "com", " Terkini", " Nusantara", " Rakyat"];
const COMPANY = ["PT", "PT Media", "PT Pers", "PT Citra", "PT Graha"];

/** Weighted pick: most journalists hold no UKW yet, Utama is rare (as in Dewan Pers figures). */
function weighted<T>(rnd: ReturnType<typeof prng>, items: [T, number][]): T {
  let x = rnd.next();
  for (const [v, w] of items) {
    if (x < w) return v;
    x -= w;
  }
  return items[items.length - 1][0];
}

export interface ContactSeed {
  outlets: number;
  journalists: number;
  memberships: number;
  seconds: number;
}

/**
 * 20,000 outlets and 100,000 journalists spread over the agencies of the seeded tree, with
 * realistic names, beats, regions (kabupaten/kota codes of Jawa Timur and neighbours), outlet
 * types, Dewan Pers statuses and UKW levels; 1–2 memberships per journalist. Bulk inserts.
 */
export async function seedContacts(db: Db, opts: { outlets: number; journalists: number }): Promise<ContactSeed> {
  const started = performance.now();
  const rnd = prng(4242);
  const orgs = await db
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(sql`${organizations.kind} in ('opd', 'kabupaten', 'kota', 'provinsi')`);
  const regions = [...regionCatalog().values()].filter((r) => r.level === "regency" && ["35", "51", "52", "33"].includes(r.provinceCode));
  const places = regions.map((r) => ({ code: r.code, place: r.name.replace(/^(Kabupaten|Kota)\s+/i, "") }));

  const outletRows: (typeof mediaOutlets.$inferInsert)[] = [];
  const byOrg = new Map<string, string[]>();
  for (let i = 0; i < opts.outlets; i++) {
    const org = rnd.pick(orgs);
    const region = rnd.pick(places);
    const name = `${rnd.pick(OUTLET_PREFIX)} ${region.place}${rnd.pick(OUTLET_SUFFIX)}${i >= 2000 ? ` ${i}` : ""}`;
    const status = weighted(rnd, [
      [DEWAN_PERS_STATUSES[0], 0.55],
      [DEWAN_PERS_STATUSES[1], 0.3],
      [DEWAN_PERS_STATUSES[2], 0.15],
    ]);
    const id = newId();
    outletRows.push({
      id,
      organizationId: org.id,
      name,
      nameKey: name.toLowerCase(),
      company: `${rnd.pick(COMPANY)} ${region.place} ${rnd.pick(OUTLET_PREFIX)}`,
      type: rnd.pick(OUTLET_TYPES),
      regionCode: region.code,
      website: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.id`,
      websiteDomain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.id`,
      dewanPersStatus: status,
      certificateNumber: status === "tidak_terdaftar" ? null : `${1000 + i}/DP-Verifikasi/K/${2018 + rnd.int(7)}`,
    });
    byOrg.set(org.id, [...(byOrg.get(org.id) ?? []), id]);
  }
  for (let i = 0; i < outletRows.length; i += 2000) await db.insert(mediaOutlets).values(outletRows.slice(i, i + 2000));

  const journalistRows: (typeof journalists.$inferInsert)[] = [];
  const memberRows: (typeof journalistMemberships.$inferInsert)[] = [];
  const orgsWithOutlets = orgs.filter((o) => byOrg.has(o.id));
  for (let i = 0; i < opts.journalists; i++) {
    const org = rnd.pick(orgsWithOutlets);
    const given = rnd.next() < 0.12 ? `${rnd.pick(BALINESE_GIVEN)} ${rnd.pick(GIVEN)}` : rnd.pick(GIVEN);
    const name = `${given} ${rnd.pick(FAMILY)}`;
    const beats = [...new Set([rnd.pick(BEATS), ...(rnd.next() < 0.5 ? [rnd.pick(BEATS)] : [])])];
    const ukw = weighted<(typeof UKW_LEVELS)[number] | null>(rnd, [
      [null, 0.45],
      ["muda", 0.3],
      ["madya", 0.15],
      ["utama", 0.1],
    ]);
    const id = newId();
    const handle = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}${i}`;
    journalistRows.push({
      id,
      organizationId: org.id,
      name,
      beats,
      regionCode: rnd.pick(places).code,
      ukwLevel: ukw,
      ukwCertificateNumber: ukw ? `UKW-${ukw[0].toUpperCase()}-${100000 + i}` : null,
      email: `${handle}@redaksi.id`,
      phone: `+628${1 + rnd.int(9)}${String(rnd.int(1e9)).padStart(9, "0")}`,
    });
    const outlets = byOrg.get(org.id) ?? [];
    const first = rnd.pick(outlets);
    memberRows.push({
      journalistId: id,
      outletId: first,
      role: weighted(
        rnd,
        JOURNALIST_ROLES.map((r, k) => [r, [0.05, 0.15, 0.6, 0.2][k]]),
      ),
    });
    if (rnd.next() < 0.3 && outlets.length > 1) {
      const second = rnd.pick(outlets);
      if (second !== first) memberRows.push({ journalistId: id, outletId: second, role: "kontributor" });
    }
  }
  for (let i = 0; i < journalistRows.length; i += 2000) await db.insert(journalists).values(journalistRows.slice(i, i + 2000));
  for (let i = 0; i < memberRows.length; i += 4000)
    await db
      .insert(journalistMemberships)
      .values(memberRows.slice(i, i + 4000))
      .onConflictDoNothing();
  await db.execute(sql`analyze media_outlets, journalists, journalist_memberships`);
  return {
    outlets: outletRows.length,
    journalists: journalistRows.length,
    memberships: memberRows.length,
    seconds: (performance.now() - started) / 1000,
  };
}
