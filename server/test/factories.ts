import { randomBytes } from "node:crypto";
import type { Role } from "../../common/roles";
import type { Services } from "../services";
import { type SeedOrg, seedOrganization, seedUser } from "../setup/seed-helpers";
import { TestClient } from "./http-client";
import type { TestServer } from "./test-server";

export const TEST_PASSWORD = "Kopi-Luwak-Kintamani-88";
const uid = () => randomBytes(4).toString("hex");

export interface TestTree {
  root: SeedOrg;
  diskominfo: SeedOrg;
  opdA: SeedOrg;
  unitA: SeedOrg;
  opdB: SeedOrg;
  names: Record<"root" | "diskominfo" | "opdA" | "unitA" | "opdB", string>;
}

/** A fresh province tree per test: root → Diskominfo, OPD A (→ unit), OPD B. */
export async function createTree(services: Services): Promise<TestTree> {
  const s = uid();
  const names = {
    root: `Pemerintah Provinsi Uji ${s}`,
    diskominfo: `Diskominfo Uji ${s}`,
    opdA: `Dinas Kesehatan Uji ${s}`,
    unitA: `Subbagian Humas Dinkes ${s}`,
    opdB: `Dinas Pariwisata Uji ${s}`,
  };
  return services.db.transaction(async (tx) => {
    const root = await seedOrganization(tx, null, { name: names.root, shortName: `Prov ${s}`, kind: "provinsi", regionCode: "51" });
    const diskominfo = await seedOrganization(tx, root, { name: names.diskominfo, shortName: `Kominfo ${s}`, kind: "opd" });
    const opdA = await seedOrganization(tx, root, { name: names.opdA, shortName: `Dinkes ${s}`, kind: "opd" });
    const unitA = await seedOrganization(tx, opdA, { name: names.unitA, shortName: `Humas ${s}`, kind: "unit_kerja" });
    const opdB = await seedOrganization(tx, root, { name: names.opdB, shortName: `Dispar ${s}`, kind: "opd" });
    return { root, diskominfo, opdA, unitA, opdB, names };
  });
}

export async function createUser(
  services: Services,
  grants: { org: SeedOrg; role: Role }[],
  opts: { name?: string; password?: string | null } = {},
) {
  const email = `user-${uid()}@uji.go.id`;
  const password = opts.password === undefined ? TEST_PASSWORD : opts.password;
  const id = await services.db.transaction((tx) =>
    seedUser(tx, {
      email,
      name: opts.name ?? `Pengguna ${uid()}`,
      password,
      grants: grants.map((g) => ({ organizationId: g.org.id, role: g.role })),
    }),
  );
  return { id, email, password };
}

/** A signed-in client holding `role` on `org`. */
export async function signedIn(server: TestServer, org: SeedOrg, role: Role, lang: "id" | "en" = "id") {
  const user = await createUser(server.services, [{ org, role }]);
  const client = new TestClient(server.baseUrl, lang);
  await client.login(user.email, user.password as string);
  return { client, user };
}
