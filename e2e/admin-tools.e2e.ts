/**
 * The rest of an administrator's day against the real server: edit, move, deactivate and
 * reactivate an organization, upload its logo; add and remove a user's grant and deactivate
 * the user; set up two-factor sign-in; read the outbox; create and revoke an API token.
 */
import { generate } from "otplib";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { pick, searchAndPick, signIn } from "./helpers";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

test("organizations: edit, move, logo, deactivate and reactivate", async () => {
  const tree = await createTree(e2e.server.services);
  const admin = await createUser(e2e.server.services, [{ org: tree.root, role: "admin" }]);
  const page = await e2e.newPage();
  await signIn(page, admin.email, TEST_PASSWORD);
  await page.getByRole("heading", { name: "Organisasi", exact: true }).waitFor();
  const node = (name: string) => page.getByTestId("org-node").filter({ has: page.getByText(name, { exact: true }) });

  // Edit: rename OPD B.
  const renamed = `${tree.names.opdB} (baru)`;
  await page.getByRole("button", { name: `Aksi untuk ${tree.names.opdB}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Ubah", exact: true }).click();
  let drawer = page.getByRole("dialog", { name: "Ubah organisasi" });
  await drawer.getByLabel("Nama", { exact: true }).fill(renamed);
  await drawer.getByRole("button", { name: "Simpan", exact: true }).click();
  await drawer.waitFor({ state: "hidden" });
  await node(renamed).waitFor();

  // Logo: a real PNG made by sharp, through the drawer's file button.
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#1e40af" } })
    .png()
    .toBuffer();
  await page.getByRole("button", { name: `Aksi untuk ${renamed}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Ubah", exact: true }).click();
  drawer = page.getByRole("dialog", { name: "Ubah organisasi" });
  const chooser = page.waitForEvent("filechooser");
  await drawer.getByRole("button", { name: "Unggah logo", exact: true }).click();
  await (await chooser).setFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByText("Logo diperbarui", { exact: true }).waitFor();
  const preview = drawer.getByRole("img", { name: `Logo ${renamed}`, exact: true });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await drawer.getByRole("button", { name: "Batal", exact: true }).click();
  await drawer.waitFor({ state: "hidden" });
  // The tree row shows the logo too (served by the API, not the placeholder icon).
  await expect.poll(() => node(renamed).locator("img").count()).toBe(1);

  // Move: the unit of OPD A goes under OPD B, and the tree shows it there.
  await page.getByRole("button", { name: `Aksi untuk ${tree.names.unitA}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Ubah", exact: true }).click();
  drawer = page.getByRole("dialog", { name: "Ubah organisasi" });
  await searchAndPick(drawer, "Induk", renamed);
  await drawer.getByRole("button", { name: "Simpan", exact: true }).click();
  await drawer.waitFor({ state: "hidden" });
  // Each node's first paragraph is its name.
  const names = () => page.getByTestId("org-node").evaluateAll((nodes) => nodes.map((n) => n.querySelector("p")?.textContent ?? ""));
  await expect
    .poll(async () => {
      const order = await names();
      return order.indexOf(tree.names.unitA) === order.indexOf(renamed) + 1;
    })
    .toBe(true);
  expect(await node(tree.names.unitA).getAttribute("aria-level")).toBe("3");

  // Deactivate OPD A (confirmed), then find it among the inactive ones and reactivate it.
  await page.getByRole("button", { name: `Aksi untuk ${tree.names.opdA}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Nonaktifkan", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Nonaktifkan organisasi?" });
  await confirm.getByRole("button", { name: "Nonaktifkan", exact: true }).click();
  await page.getByText("Organisasi dinonaktifkan", { exact: true }).waitFor();
  await node(tree.names.opdA).waitFor({ state: "detached" });
  // check() waits until the success notification no longer covers the switch.
  await page.getByRole("switch", { name: "Tampilkan yang nonaktif", exact: true }).check();
  await node(tree.names.opdA).getByText("Nonaktif", { exact: true }).waitFor();
  await page.getByRole("button", { name: `Aksi untuk ${tree.names.opdA}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Aktifkan kembali", exact: true }).click();
  await page.getByRole("dialog", { name: "Aktifkan kembali organisasi?" }).getByRole("button", { name: "Aktifkan kembali" }).click();
  await page.getByText("Organisasi diaktifkan kembali", { exact: true }).waitFor();
  await expect.poll(() => node(tree.names.opdA).getByText("Nonaktif", { exact: true }).count()).toBe(0);
});

test("users: add and remove a grant, deactivate and reactivate", async () => {
  const tree = await createTree(e2e.server.services);
  const admin = await createUser(e2e.server.services, [{ org: tree.root, role: "admin" }]);
  const target = await createUser(e2e.server.services, [{ org: tree.opdA, role: "officer" }], { name: "Petugas Yang Diatur" });
  const page = await e2e.newPage();
  await signIn(page, admin.email, TEST_PASSWORD);
  await page.goto(`/app/users/${target.id}`);
  await page.getByRole("heading", { name: "Petugas Yang Diatur", exact: true }).waitFor();
  const grantRows = page.getByTestId("grant-row");
  await expect.poll(() => grantRows.count()).toBe(1);
  // The only grant cannot be removed (a user keeps at least one).
  expect(await page.getByRole("button", { name: `Hapus hak akses di ${tree.names.opdA}` }).count()).toBe(0);

  // Add an editor grant on OPD B.
  const grants = page.locator("form").filter({ has: page.getByRole("button", { name: "Tambahkan", exact: true }) });
  await searchAndPick(grants, "Organisasi", tree.names.opdB);
  await pick(grants, "Peran", "Editor");
  await grants.getByRole("button", { name: "Tambahkan", exact: true }).click();
  await page.getByText("Hak akses ditambahkan", { exact: true }).waitFor();
  const opdBRow = grantRows.filter({ hasText: tree.names.opdB });
  await opdBRow.waitFor();
  expect(await opdBRow.textContent()).toContain("Editor");

  // Remove it again, after confirming.
  await page.getByRole("button", { name: `Hapus hak akses di ${tree.names.opdB}`, exact: true }).click();
  await page.getByRole("dialog", { name: "Hapus hak akses?" }).getByRole("button", { name: "Hapus", exact: true }).click();
  await page.getByText("Hak akses dihapus", { exact: true }).waitFor();
  await opdBRow.waitFor({ state: "detached" });
  expect(await grantRows.count()).toBe(1);

  // Deactivate, then reactivate.
  await page.getByRole("button", { name: "Nonaktifkan", exact: true }).click();
  await page.getByRole("dialog", { name: "Nonaktifkan pengguna?" }).getByRole("button", { name: "Nonaktifkan", exact: true }).click();
  await page.getByText("Pengguna dinonaktifkan", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Aktifkan kembali", exact: true }).waitFor();
  const signInAttempt = await fetch(`${e2e.server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: target.email, password: TEST_PASSWORD }),
  });
  expect(signInAttempt.status).toBeGreaterThanOrEqual(400);
  await page.getByRole("button", { name: "Aktifkan kembali", exact: true }).click();
  await page.getByRole("dialog", { name: "Aktifkan kembali pengguna?" }).getByRole("button", { name: "Aktifkan kembali" }).click();
  await page.getByText("Pengguna diaktifkan kembali", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Nonaktifkan", exact: true }).waitFor();
});

test("account 2FA setup, outbox and API tokens", async () => {
  const tree = await createTree(e2e.server.services);
  const admin = await createUser(e2e.server.services, [{ org: tree.root, role: "admin" }]);
  const page = await e2e.newPage();
  await signIn(page, admin.email, TEST_PASSWORD);

  // Two-factor sign-in: set up with a code computed from the shown secret.
  await page.getByRole("link", { name: "Akun saya", exact: true }).click();
  await page.getByRole("button", { name: "Aktifkan 2FA", exact: true }).click();
  await page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator", exact: true }).waitFor();
  const secret = ((await page.getByText("Tidak bisa memindai?").locator("code").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel("Kode 6 digit", { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: "Verifikasi dan aktifkan", exact: true }).click();
  await page.getByText("Verifikasi dua langkah diaktifkan", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Nonaktifkan 2FA", exact: true }).waitFor();

  // The next sign-in asks for a code.
  const second = await e2e.newPage();
  await second.goto("/app/sign-in");
  await second.getByLabel("Email", { exact: true }).fill(admin.email);
  await second.getByLabel("Kata sandi", { exact: true }).fill(TEST_PASSWORD);
  await second.getByRole("button", { name: "Masuk", exact: true }).click();
  await second.getByLabel("Kode 6 digit", { exact: true }).fill(await generate({ secret }));
  await second.getByRole("button", { name: "Verifikasi", exact: true }).click();
  await second.getByRole("navigation", { name: "Navigasi utama" }).waitFor();
  await second.context().close();

  // Outbox: invite someone through the API of the app, then find the mail in the outbox.
  const invitee = `outbox-${Date.now().toString(36)}@uji.go.id`;
  await page.getByRole("link", { name: "Pengguna", exact: true }).click();
  await page.getByRole("button", { name: "Undang pengguna", exact: true }).click();
  const modal = page.getByRole("dialog", { name: "Undang pengguna" });
  await modal.getByLabel("Email", { exact: true }).fill(invitee);
  await modal.getByLabel("Nama", { exact: true }).fill("Calon Peninjau");
  await searchAndPick(modal, "Organisasi", tree.names.diskominfo);
  await pick(modal, "Peran", "Peninjau");
  await modal.getByRole("button", { name: "Kirim undangan", exact: true }).click();
  await modal.waitFor({ state: "hidden" });
  await e2e.smtp.waitFor(invitee);
  await page.getByRole("link", { name: "Kotak keluar", exact: true }).click();
  await page.getByRole("heading", { name: "Kotak keluar", exact: true }).waitFor();
  await page.getByLabel("Cari email", { exact: true }).fill(invitee);
  const mailRow = page.getByTestId("email-row").filter({ hasText: invitee });
  await mailRow.waitFor();
  await mailRow.getByText("Terkirim", { exact: true }).waitFor();
  await mailRow.getByRole("button").click();
  await page.getByRole("dialog").getByText("/app/accept-invitation?token=").first().waitFor();
  await page.keyboard.press("Escape");

  // API tokens: create (secret shown once), it works, then revoke it and it stops working.
  await page.getByRole("link", { name: "Token API", exact: true }).click();
  await page.getByRole("button", { name: "Buat token", exact: true }).click();
  const create = page.getByRole("dialog", { name: "Buat token API" });
  await create.getByLabel("Nama token", { exact: true }).fill("Integrasi PPID");
  await searchAndPick(create, "Organisasi", tree.names.opdA);
  await pick(create, "Peran", "Peninjau");
  await create.getByRole("button", { name: "Buat token", exact: true }).click();
  const secretToken = ((await page.getByTestId("new-token").textContent()) ?? "").trim();
  expect(secretToken).toMatch(/^sng_/);
  await page.getByRole("button", { name: "Selesai", exact: true }).click();
  const tokenRow = page.getByTestId("token-row").filter({ hasText: "Integrasi PPID" });
  await tokenRow.getByText("Aktif", { exact: true }).waitFor();
  const withToken = () =>
    fetch(`${e2e.server.baseUrl}/api/v1/organizations`, { headers: { authorization: `Bearer ${secretToken}` } }).then((r) => r.status);
  expect(await withToken()).toBe(200);
  await tokenRow.getByRole("button", { name: "Cabut", exact: true }).click();
  await page.getByRole("dialog", { name: "Cabut token?" }).getByRole("button", { name: "Cabut", exact: true }).click();
  await tokenRow.getByText("Dicabut", { exact: true }).waitFor();
  expect(await withToken()).toBe(401);
});
