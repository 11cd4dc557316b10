import { sql } from "drizzle-orm";
import type { OrganizationKind, Role, TimeZoneCode } from "../../common/roles";
import type { Db } from "../../server/db/client";
import { grants, organizations, users } from "../../server/db/schema";
import { hashPassword } from "../../server/features/auth/passwords";
import { regionCatalog } from "../../server/features/regions/region-catalog";
import { newId } from "../../server/lib/ids";
import { BALINESE_GIVEN, FAMILY, GIVEN, TITLES } from "./names";

/** Deterministic PRNG (mulberry32) so every run seeds the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const PROVINCE_CODE = "35"; // Jawa Timur: 38 kabupaten/kota
const PROVINCE_OPDS: [string, string][] = [
  ["Sekretariat Daerah", "Setda"],
  ["Sekretariat DPRD", "Setwan"],
  ["Inspektorat", "Inspektorat"],
  ["Badan Perencanaan Pembangunan Daerah", "Bappeda"],
  ["Badan Kepegawaian Daerah", "BKD"],
  ["Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"],
  ["Badan Pendapatan Daerah", "Bapenda"],
  ["Badan Penanggulangan Bencana Daerah", "BPBD"],
  ["Badan Kesatuan Bangsa dan Politik", "Bakesbangpol"],
  ["Badan Pengembangan Sumber Daya Manusia", "BPSDM"],
  ["Badan Penghubung Daerah", "Bapenghub"],
  ["Badan Riset dan Inovasi Daerah", "Brida"],
  ["Dinas Pendidikan", "Dispendik"],
  ["Dinas Kesehatan", "Dinkes"],
  ["Dinas Pekerjaan Umum Bina Marga", "DPU Bina Marga"],
  ["Dinas Pekerjaan Umum Sumber Daya Air", "DPU SDA"],
  ["Dinas Perumahan Rakyat, Kawasan Permukiman dan Cipta Karya", "Disperkim"],
  ["Satuan Polisi Pamong Praja", "Satpol PP"],
  ["Dinas Sosial", "Dinsos"],
  ["Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans"],
  ["Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Kependudukan", "DP3AK"],
  ["Dinas Ketahanan Pangan", "Dishanpan"],
  ["Dinas Lingkungan Hidup", "DLH"],
  ["Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"],
  ["Dinas Perhubungan", "Dishub"],
  ["Dinas Komunikasi dan Informatika", "Diskominfo"],
  ["Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"],
  ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"],
  ["Dinas Kepemudaan dan Olahraga", "Dispora"],
  ["Dinas Kebudayaan dan Pariwisata", "Disbudpar"],
  ["Dinas Perpustakaan dan Kearsipan", "Disperpusip"],
  ["Dinas Kelautan dan Perikanan", "DKP"],
  ["Dinas Tanaman Pangan, Hortikultura dan Perkebunan", "Distanbun"],
  ["Dinas Peternakan", "Disnak"],
  ["Dinas Kehutanan", "Dishut"],
  ["Dinas Energi dan Sumber Daya Mineral", "Dinas ESDM"],
  ["Dinas Perindustrian dan Perdagangan", "Disperindag"],
  ["Biro Administrasi Pimpinan", "Biro Adpim"],
  ["Biro Hukum", "Biro Hukum"],
  ["Rumah Sakit Umum Daerah Dr. Soetomo", "RSUD Dr. Soetomo"],
];
// The 18 agencies every kabupaten/kota in the bench has (a subset of a real SOTK).
const LOCAL_OPDS = PROVINCE_OPDS.filter(([, s]) =>
  [
    "Setda",
    "Setwan",
    "Inspektorat",
    "Bappeda",
    "BKD",
    "BPKAD",
    "BPBD",
    "Dispendik",
    "Dinkes",
    "Disperkim",
    "Satpol PP",
    "Dinsos",
    "DLH",
    "Dishub",
    "Diskominfo",
    "Disbudpar",
    "DPMPTSP",
    "Disperindag",
  ].includes(s),
);
const UNITS = [
  "Bidang Informasi dan Komunikasi Publik",
  "Bidang Hubungan Masyarakat",
  "Sekretariat",
  "Bidang Pelayanan",
  "Unit Pelaksana Teknis Wilayah I",
  "Unit Pelaksana Teknis Wilayah II",
  "Bidang Perencanaan dan Pelaporan",
  "Subbagian Umum dan Kepegawaian",
];

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface OrgRow {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string;
  slug: string;
  kind: OrganizationKind;
  regionCode: string | null;
  timeZone: TimeZoneCode;
  email: string | null;
}

export interface SeedSummary {
  organizations: number;
  byKind: Record<string, number>;
  users: number;
  grants: number;
  roles: Record<string, number>;
  admin: { email: string; password: string };
  seconds: number;
  hashSeconds: number;
}

export const BENCH_PASSWORD = "Bench-Sinergi-2026!";

/** Builds the organization tree: 1 provinsi → 40 OPD + 38 kabupaten/kota (18 OPD each) → units; 1,000 total. */
function buildOrganizations(target: number): OrgRow[] {
  const rnd = prng(35);
  const slugs = new Set<string>();
  const slug = (s: string) => {
    const base = slugify(s);
    let out = base;
    for (let i = 2; slugs.has(out); i++) out = `${base}-${i}`;
    slugs.add(out);
    return out;
  };
  const rows: OrgRow[] = [];
  const add = (parent: OrgRow | null, o: Pick<OrgRow, "name" | "shortName" | "kind" | "regionCode">, domain: string | null) => {
    const id = newId();
    const row: OrgRow = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      ...o,
      slug: slug(o.shortName),
      timeZone: "WIB",
      email: domain ? `${slugify(o.shortName).replace(/-/g, "")}@${domain}` : null,
    };
    rows.push(row);
    return row;
  };
  const catalog = regionCatalog();
  const province = catalog.get(PROVINCE_CODE);
  if (!province) throw new Error("province 35 missing from the region catalog");
  const root = add(
    null,
    { name: "Pemerintah Provinsi Jawa Timur", shortName: "Pemprov Jatim", kind: "provinsi", regionCode: PROVINCE_CODE },
    "jatimprov.go.id",
  );
  const opds: OrgRow[] = [];
  for (const [name, short] of PROVINCE_OPDS) {
    opds.push(
      add(root, { name: `${name} Provinsi Jawa Timur`, shortName: `${short} Jatim`, kind: "opd", regionCode: null }, "jatimprov.go.id"),
    );
  }
  const regencies = [...catalog.values()].filter((r) => r.level === "regency" && r.provinceCode === PROVINCE_CODE);
  for (const reg of regencies) {
    const kind = Number(reg.code.split(".")[1]) >= 71 ? "kota" : "kabupaten";
    const place = reg.name.replace(/^(Kabupaten|Kota)\s+/i, "");
    const domain = `${slugify(place).replace(/-/g, "")}${kind === "kota" ? "kota" : "kab"}.go.id`;
    const gov = add(
      root,
      { name: `Pemerintah ${reg.name}`, shortName: `${kind === "kota" ? "Pemkot" : "Pemkab"} ${place}`, kind, regionCode: reg.code },
      domain,
    );
    for (const [name, short] of LOCAL_OPDS) {
      opds.push(
        add(
          gov,
          {
            name: `${name} ${reg.name}`,
            shortName: `${short} ${kind === "kota" ? "Kota" : "Kab."} ${place}`,
            kind: "opd",
            regionCode: null,
          },
          domain,
        ),
      );
    }
  }
  // Units fill the tree to `target`, spread over the agencies.
  let i = 0;
  while (rows.length < target) {
    const parent = opds[(i * 7 + rnd.int(3)) % opds.length];
    const unit = UNITS[i % UNITS.length];
    add(
      parent,
      {
        name: `${unit} ${parent.name}`,
        shortName: `${unit.split(" ").slice(0, 3).join(" ")} ${parent.shortName}`,
        kind: "unit_kerja",
        regionCode: null,
      },
      null,
    );
    i++;
  }
  return rows;
}

const ROLE_WEIGHTS: [Role, number][] = [
  ["officer", 0.55],
  ["editor", 0.27],
  ["viewer", 0.07],
  ["leader", 0.06],
  ["coordinator", 0.03],
  ["admin", 0.02],
];

/** Seeds 1,000 organizations and 10,000 users with grants by bulk inserts (same tables and rules as the API). */
export async function seedBenchData(db: Db, opts: { organizations: number; users: number }): Promise<SeedSummary> {
  const started = performance.now();
  const hashStart = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD); // once; argon2 is slow on purpose
  const hashSeconds = (performance.now() - hashStart) / 1000;
  const rnd = prng(2026);
  const orgs = buildOrganizations(opts.organizations);
  const byKind: Record<string, OrgRow[]> = {};
  for (const o of orgs) {
    byKind[o.kind] ??= [];
    byKind[o.kind].push(o);
  }
  const root = orgs[0];
  const governments = [...(byKind.kabupaten ?? []), ...(byKind.kota ?? [])];
  const agencies = byKind.opd ?? [];
  const units = byKind.unit_kerja ?? [];
  const orgFor = (role: Role): OrgRow => {
    const x = rnd.next();
    switch (role) {
      case "admin":
        return x < 0.1 ? root : rnd.pick(governments);
      case "coordinator":
        return x < 0.1 ? root : x < 0.7 ? rnd.pick(governments) : rnd.pick(agencies);
      case "leader":
        return x < 0.9 ? rnd.pick(agencies) : rnd.pick(units);
      case "viewer":
        return x < 0.2 ? rnd.pick(governments) : rnd.pick(agencies);
      default:
        return x < 0.75 ? rnd.pick(agencies) : rnd.pick(units);
    }
  };
  const pickRole = (): Role => {
    let x = rnd.next();
    for (const [role, w] of ROLE_WEIGHTS) {
      if (x < w) return role;
      x -= w;
    }
    return "officer";
  };

  type UserInsert = typeof users.$inferInsert;
  type GrantInsert = typeof grants.$inferInsert;
  const userRows: UserInsert[] = [];
  const grantRows: GrantInsert[] = [];
  const roleCount: Record<string, number> = {};
  const now = Date.now();
  const day = 86_400_000;
  const adminEmail = "admin@jatimprov.go.id";
  const addUser = (
    name: string,
    email: string,
    status: "active" | "invited" | "deactivated",
    userGrants: { org: OrgRow; role: Role }[],
  ) => {
    const id = newId();
    const createdAt = new Date(now - rnd.int(730) * day);
    userRows.push({
      id,
      email,
      name,
      phone: rnd.next() < 0.6 ? `08${1 + rnd.int(9)}${String(rnd.int(1e9)).padStart(9, "0")}` : null,
      passwordHash: status === "invited" ? null : passwordHash,
      status,
      locale: rnd.next() < 0.9 ? "id" : "en",
      lastLoginAt: status === "active" && rnd.next() < 0.9 ? new Date(now - rnd.int(90) * day) : null,
      createdAt,
      updatedAt: createdAt,
    });
    const seen = new Set<string>();
    for (const g of userGrants) {
      const key = `${g.org.id}:${g.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      grantRows.push({ id: newId(), userId: id, organizationId: g.org.id, role: g.role, createdAt });
      roleCount[g.role] = (roleCount[g.role] ?? 0) + 1;
    }
  };
  addUser("Ir. Hadi Santoso, M.Kom.", adminEmail, "active", [{ org: root, role: "admin" }]);
  const emails = new Set([adminEmail]);
  while (userRows.length < opts.users) {
    const given = rnd.next() < 0.18 ? `${rnd.next() < 0.5 ? "I " : "Ni "}${rnd.pick(BALINESE_GIVEN)}` : rnd.pick(GIVEN);
    const middle = rnd.next() < 0.35 ? ` ${rnd.pick(GIVEN)}` : "";
    const family = rnd.pick(FAMILY);
    const title = rnd.next() < 0.45 ? rnd.pick(TITLES) : "";
    const name = `${given}${middle} ${family}${title}`;
    const role = pickRole();
    const org = orgFor(role);
    const domain = org.email?.split("@")[1] ?? root.email?.split("@")[1] ?? "jatimprov.go.id";
    const local = slugify(`${given.replace(/^(I|Ni) /, "")} ${family}`).replace(/-/g, ".");
    let email = `${local}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
    emails.add(email);
    const x = rnd.next();
    const status = x < 0.03 ? "invited" : x < 0.05 ? "deactivated" : "active";
    const userGrants = [{ org, role }];
    // One in ten also holds a second grant (e.g. an editor who is an officer in a unit too).
    if (rnd.next() < 0.1)
      userGrants.push({ org: rnd.pick(units.length ? units : agencies), role: rnd.next() < 0.5 ? "officer" : "viewer" });
    addUser(name, email, status, userGrants);
  }

  const BATCH = 1000;
  await db.transaction(async (tx) => {
    for (let i = 0; i < orgs.length; i += BATCH) await tx.insert(organizations).values(orgs.slice(i, i + BATCH));
    for (let i = 0; i < userRows.length; i += BATCH) await tx.insert(users).values(userRows.slice(i, i + BATCH));
    for (let i = 0; i < grantRows.length; i += BATCH) await tx.insert(grants).values(grantRows.slice(i, i + BATCH));
  });
  // The steady state autovacuum reaches in production: statistics, and GIN pending lists merged.
  await db.execute(sql`vacuum analyze`);
  return {
    organizations: orgs.length,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v.length])),
    users: userRows.length,
    grants: grantRows.length,
    roles: roleCount,
    admin: { email: adminEmail, password: BENCH_PASSWORD },
    seconds: (performance.now() - started) / 1000,
    hashSeconds,
  };
}
