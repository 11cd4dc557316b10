import { eq } from "drizzle-orm";
import type { Role } from "../../common/roles";
import { organizations } from "../db/schema";
import { recordAudit } from "../features/audit/record-audit";
import type { Services } from "../services";
import { seedDemoContent } from "./demo-content";
import { seedDemoOfficers } from "./demo-officers";
import { type SeedOrg, seedOrganization, seedUser } from "./seed-helpers";

export const DEMO_PASSWORD = "Sinergi-Demo-2026!";

// Real agencies of Bali's provincial and local governments, as the demo's organization tree.
const BALI_OPD = [
  ["Dinas Kesehatan Provinsi Bali", "Dinkes Bali"],
  ["Dinas Pendidikan, Kepemudaan dan Olahraga Provinsi Bali", "Disdikpora Bali"],
  ["Dinas Pariwisata Provinsi Bali", "Dispar Bali"],
  ["Dinas Kebudayaan Provinsi Bali", "Disbud Bali"],
  ["Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman Provinsi Bali", "DPUPRKIM Bali"],
  ["Dinas Perhubungan Provinsi Bali", "Dishub Bali"],
  ["Badan Penanggulangan Bencana Daerah Provinsi Bali", "BPBD Bali"],
  ["Badan Perencanaan Pembangunan Daerah Provinsi Bali", "Bappeda Bali"],
  ["Inspektorat Provinsi Bali", "Inspektorat Bali"],
] as const;

export interface DemoResult {
  password: string;
  logins: { role: Role; email: string; name: string; organization: string }[];
  created: boolean;
}

/** Loads the Bali demo (idempotent: a second run changes nothing and prints the same logins). */
export async function loadDemo(services: Services): Promise<DemoResult> {
  const logins: DemoResult["logins"] = [
    { role: "admin", email: "admin@baliprov.demo", name: "I Made Wirawan, S.Kom.", organization: "Pemerintah Provinsi Bali" },
    {
      role: "coordinator",
      email: "koordinator@baliprov.demo",
      name: "Ni Luh Putu Sari Dewi, S.Sos., M.I.Kom.",
      organization: "Pemerintah Provinsi Bali",
    },
    {
      role: "leader",
      email: "kadis.kominfos@baliprov.demo",
      name: "Dr. I Gede Santika, M.Si.",
      organization: "Dinas Komunikasi, Informatika dan Statistik Provinsi Bali",
    },
    {
      role: "editor",
      email: "humas.dinkes@baliprov.demo",
      name: "Ni Made Ayu Lestari, S.I.Kom.",
      organization: "Dinas Kesehatan Provinsi Bali",
    },
    {
      role: "officer",
      email: "pranata.dinkes@baliprov.demo",
      name: "Komang Adi Pratama, A.Md.",
      organization: "Dinas Kesehatan Provinsi Bali",
    },
    { role: "viewer", email: "auditor@baliprov.demo", name: "Ketut Suardana, S.E., Ak.", organization: "Inspektorat Provinsi Bali" },
    { role: "admin", email: "admin@badungkab.demo", name: "Putu Eka Wijaya, S.T.", organization: "Pemerintah Kabupaten Badung" },
    {
      role: "editor",
      email: "humas.dispar@badungkab.demo",
      name: "Gusti Ayu Mirah, S.Sos.",
      organization: "Dinas Pariwisata Kabupaten Badung",
    },
  ];
  const result = { password: DEMO_PASSWORD, logins, created: false };
  const [exists] = await services.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, "Pemerintah Provinsi Bali"))
    .limit(1);
  if (exists) return result;

  await services.db.transaction(async (tx) => {
    const ids = new Map<string, SeedOrg>();
    const add = async (
      parent: SeedOrg | null,
      name: string,
      shortName: string,
      kind: Parameters<typeof seedOrganization>[2]["kind"],
      extra: Record<string, string> = {},
    ) => {
      const org = await seedOrganization(tx, parent, { name, shortName, kind, ...extra });
      ids.set(name, org);
      return org;
    };
    const bali = await add(null, "Pemerintah Provinsi Bali", "Pemprov Bali", "provinsi", {
      regionCode: "51",
      address: "Jl. Basuki Rahmat No. 1, Niti Mandala Renon, Denpasar",
      website: "https://www.baliprov.go.id",
    });
    const kominfos = await add(bali, "Dinas Komunikasi, Informatika dan Statistik Provinsi Bali", "Diskominfos Bali", "opd", {
      email: "diskominfos@baliprov.go.id",
      phone: "(0361) 224145",
    });
    await add(kominfos, "Bidang Informasi dan Komunikasi Publik", "IKP Diskominfos", "unit_kerja");
    const setda = await add(bali, "Sekretariat Daerah Provinsi Bali", "Setda Bali", "opd");
    await add(setda, "Biro Umum dan Protokol", "Biro Umum Bali", "unit_kerja");
    for (const [name, short] of BALI_OPD) {
      const opd = await add(bali, name, short, "opd");
      await add(opd, `Subbagian Umum dan Humas ${short}`, `Humas ${short}`, "unit_kerja");
    }
    await add(bali, "Kantor Wilayah Kementerian Hukum Bali", "Kanwil Kemenkum Bali", "instansi_vertikal");

    const badung = await add(bali, "Pemerintah Kabupaten Badung", "Pemkab Badung", "kabupaten", {
      regionCode: "51.03",
      website: "https://badungkab.go.id",
    });
    const kominfoBadung = await add(badung, "Dinas Komunikasi dan Informatika Kabupaten Badung", "Diskominfo Badung", "opd");
    await add(kominfoBadung, "Bidang Pengelolaan Informasi dan Komunikasi Publik", "IKP Badung", "unit_kerja");
    for (const [name, short] of [
      ["Dinas Pariwisata Kabupaten Badung", "Dispar Badung"],
      ["Dinas Kesehatan Kabupaten Badung", "Dinkes Badung"],
      ["Badan Penanggulangan Bencana Daerah Kabupaten Badung", "BPBD Badung"],
    ]) {
      await add(badung, name, short, "opd");
    }
    const denpasar = await add(bali, "Pemerintah Kota Denpasar", "Pemkot Denpasar", "kota", {
      regionCode: "51.71",
      website: "https://denpasarkota.go.id",
    });
    await add(denpasar, "Dinas Komunikasi, Informatika dan Statistik Kota Denpasar", "Diskominfos Denpasar", "opd");
    for (const [name, short] of [
      ["Dinas Kesehatan Kota Denpasar", "Dinkes Denpasar"],
      ["Dinas Kebudayaan Kota Denpasar", "Disbud Denpasar"],
      ["Bagian Protokol dan Komunikasi Pimpinan Setda Kota Denpasar", "Prokompim Denpasar"],
    ]) {
      await add(denpasar, name, short, "opd");
    }

    const userIds = new Map<string, string>();
    for (const login of logins) {
      const org = ids.get(login.organization);
      if (!org) throw new Error(`demo: unknown organization ${login.organization}`);
      const userId = await seedUser(tx, {
        email: login.email,
        name: login.name,
        password: DEMO_PASSWORD,
        grants: [{ organizationId: org.id, role: login.role }],
      });
      userIds.set(login.email, userId);
    }
    const dinkes = ids.get("Dinas Kesehatan Provinsi Bali");
    const officerCount = dinkes
      ? await seedDemoOfficers(
          tx,
          dinkes.id,
          userIds.get("humas.dinkes@baliprov.demo") as string,
          userIds.get("pranata.dinkes@baliprov.demo") as string,
        )
      : 0;
    const contentCount = await seedDemoContent(tx, {
      kominfosId: kominfos.id,
      dinkesId: dinkes?.id ?? kominfos.id,
      coordinatorId: userIds.get("koordinator@baliprov.demo") as string,
      editorId: userIds.get("humas.dinkes@baliprov.demo") as string,
      officerId: userIds.get("pranata.dinkes@baliprov.demo") as string,
    });
    await recordAudit(
      tx,
      { actor: null, ip: null },
      {
        action: "demo.load",
        entityType: "organization",
        entityId: bali.id,
        organizationId: bali.id,
        after: { organizations: ids.size, users: logins.length, officers: officerCount, content: contentCount },
      },
    );
  });
  result.created = true;
  return result;
}
