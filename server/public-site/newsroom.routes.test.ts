import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../db/schema";
import { createTree, signedIn, type TestTree } from "../test/factories";
import { startTestServer, type TestServer } from "../test/test-server";
import { get, insertImageAsset, insertItem, linkAsset, orgSlug } from "./test-fixtures";

let server: TestServer;
/** The first tree of this database: its root is the top newsroom at `/`. */
let main: TestTree;
let slugs: Record<"root" | "opdA" | "unitA" | "opdB", string>;
beforeAll(async () => {
  server = await startTestServer();
  main = await createTree(server.services);
  slugs = {
    root: await orgSlug(server.services, main.root),
    opdA: await orgSlug(server.services, main.opdA),
    unitA: await orgSlug(server.services, main.unitA),
    opdB: await orgSlug(server.services, main.opdB),
  };
});
afterAll(async () => server?.close());

const page = (path: string, headers?: Record<string, string>) => get(server.baseUrl, path, headers);
/** Titles of the listed items, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<h3><a href="[^"]+">(?:<span class="label">[^<]*<\/span> )?([^<]*)<\/a><\/h3>/g)].map((m) => m[1]);
const metaContent = (html: string, attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(html)?.[1];

describe("newsroom home", () => {
  it("lists only public items of the organization's subtree, newest first", async () => {
    const s = server.services;
    const a = await insertItem(s, main.opdA, { title: "Vaksinasi gratis di Denpasar", publicInHours: -1 });
    const unit = await insertItem(s, main.unitA, { title: "Humas Dinkes buka layanan aduan", publicInHours: -2, type: "pengumuman" });
    const b = await insertItem(s, main.opdB, { title: "Festival budaya Pantai Sanur", publicInHours: -3 });
    const draft = await insertItem(s, main.opdA, { title: "Draf belum terbit", status: "draft" });
    const archived = await insertItem(s, main.opdA, { title: "Konten diarsipkan", status: "archived" });
    const social = await insertItem(s, main.opdA, { title: "Unggahan media sosial", type: "sosial" });
    const embargoed = await insertItem(s, main.opdA, { title: "Rilis berembargo", publicInHours: 3 });

    const agency = await page(`/${slugs.opdA}`);
    expect(agency.status).toBe(200);
    expect(agency.headers.get("content-type")).toMatch(/^text\/html/);
    expect(listed(agency.text)).toEqual([a.title, unit.title]);
    for (const hidden of [b, draft, archived, social, embargoed]) expect(agency.text).not.toContain(hidden.title);

    const top = await page("/");
    expect(listed(top.text).slice(0, 3)).toEqual([a.title, unit.title, b.title]);
    expect(top.text).toContain(`<h1>${main.names.root}</h1>`);
    // Links go to the item's own organization: /<org-slug>/<item-slug>.
    expect(top.text).toContain(`href="/${slugs.unitA}/${unit.slug}"`);
    // Indonesian dates in the organization's zone (Bali: WITA).
    expect(top.text).toMatch(
      /<time datetime="[^"]+">(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} \d{2}\.\d{2} WITA<\/time>/,
    );
  });

  it("filters by type and by agency with a plain GET form, and the top newsroom has one address", async () => {
    const t = await createTree(server.services);
    const s = server.services;
    const [root, opdA, opdB] = [await orgSlug(s, t.root), await orgSlug(s, t.opdA), await orgSlug(s, t.opdB)];
    const release = await insertItem(s, t.opdA, { type: "siaran_pers", title: "Rilis Dinkes tentang demam berdarah" });
    const photo = await insertItem(s, t.unitA, { type: "foto", title: "Foto kegiatan posyandu" });
    const other = await insertItem(s, t.opdB, { type: "siaran_pers", title: "Rilis Dispar tentang kunjungan wisata" });

    const byType = await page(`/${root}?type=siaran_pers`);
    expect(listed(byType.text).sort()).toEqual([other.title, release.title].sort());
    expect(byType.text).toContain('<option value="siaran_pers" selected>Siaran Pers</option>');

    const byAgency = await page(`/${root}?org=${opdA}`);
    expect(listed(byAgency.text)).toEqual([photo.title, release.title]);
    expect(byAgency.text).toContain('<form class="filters" method="get"');
    expect(byAgency.text).toContain(`<option value="${opdA}" selected>`);
    expect(byAgency.text).toContain(`<option value="${opdB}">`);

    const both = await page(`/${root}?org=${opdA}&type=foto`);
    expect(listed(both.text)).toEqual([photo.title]);

    // An agency outside the subtree, or an unknown type, is ignored rather than refused.
    const outside = await page(`/${opdB}?org=${opdA}&type=nonsense`);
    expect(outside.status).toBe(200);
    expect(listed(outside.text)).toEqual([other.title]);

    // The oldest root is the top newsroom: its slug redirects to `/`.
    const moved = await page(`/${slugs.root}?type=foto`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/?type=foto");
  });

  it("pages by 20 with previous and next links", async () => {
    const t = await createTree(server.services);
    const slug = await orgSlug(server.services, t.opdB);
    for (let i = 0; i < 25; i++) await insertItem(server.services, t.opdB, { title: `Berita nomor ${i + 1}`, publicInHours: -1 - i });
    const first = await page(`/${slug}`);
    expect(listed(first.text)).toHaveLength(20);
    expect(listed(first.text)[0]).toBe("Berita nomor 1");
    expect(first.text).toContain(`<a rel="next" href="/${slug}?page=2">`);
    expect(first.text).not.toContain('rel="prev"');
    const second = await page(`/${slug}?page=2`);
    expect(listed(second.text)).toEqual(["Berita nomor 21", "Berita nomor 22", "Berita nomor 23", "Berita nomor 24", "Berita nomor 25"]);
    expect(second.text).toContain(`<a rel="prev" href="/${slug}">`);
    expect(second.text).not.toContain('rel="next"');
    const beyond = await page(`/${slug}?page=9`);
    expect(beyond.status).toBe(200);
    expect(beyond.text).toContain("Tidak ada konten lagi di halaman ini.");
    expect((await page(`/${slug}?page=abc`)).status).toBe(200);
  });

  it("shows an Indonesian empty state", async () => {
    const t = await createTree(server.services);
    const empty = await page(`/${await orgSlug(server.services, t.opdB)}`);
    expect(empty.text).toContain("Belum ada konten yang diterbitkan di ruang berita ini.");
    const none = await page(`/${await orgSlug(server.services, t.opdB)}?q=zzzzqqq`);
    expect(none.text).toContain("Tidak ada konten yang cocok dengan pencarian “zzzzqqq”.");
  });
});

describe("newsroom search (PostgreSQL indonesian configuration)", () => {
  it("finds words by their stem, ranks title matches first and highlights matches", async () => {
    const t = await createTree(server.services);
    const s = server.services;
    const slug = await orgSlug(s, t.root);
    const inBody = await insertItem(s, t.opdA, {
      title: "Dinas membuka posko baru",
      bodyHtml: "<p>Posko ini memberi layanan pengaduan warga dan layanan informasi setiap hari, layanan gratis.</p>",
      publicInHours: -1,
    });
    const inTitle = await insertItem(s, t.opdA, {
      title: "Pelayanan kesehatan gratis di puskesmas",
      bodyHtml: "<p>Mulai Senin.</p>",
      publicInHours: -5,
    });
    const healthy = await insertItem(s, t.opdB, {
      title: "Ajakan bersepeda",
      bodyHtml: "<p>Warga diajak hidup sehat setiap akhir pekan.</p>",
    });
    await insertItem(s, t.opdB, { title: "Pengumuman libur", bodyHtml: "<p>Kantor tutup.</p>" });

    // "layanan" and "pelayanan" share the stem "layan": the title match ranks first although older.
    const found = await page(`/${slug}?q=layanan`);
    expect(listed(found.text.replace(/<\/?mark>/g, ""))).toEqual([inTitle.title, inBody.title]);
    expect(found.text).toContain("<mark>Pelayanan</mark> kesehatan");
    expect(found.text).toContain('<p class="meta">2 hasil</p>');
    expect(found.text).toMatch(/memberi <mark>layanan<\/mark> pengaduan/);

    // "kesehatan" is stemmed to "sehat", so it finds the item that only says "sehat".
    const stem = await page(`/${slug}?q=kesehatan`);
    const titles = listed(stem.text.replace(/<\/?mark>/g, ""));
    expect(titles).toContain(healthy.title);
    expect(titles).toContain(inTitle.title);

    // websearch syntax: a minus excludes.
    const excluded = await page(`/${slug}?q=${encodeURIComponent("layanan -pengaduan")}`);
    expect(listed(excluded.text.replace(/<\/?mark>/g, ""))).toEqual([inTitle.title]);

    // /cari searches the top newsroom; the query is echoed escaped.
    const cari = await page(`/cari?q=${encodeURIComponent('<b>"sehat"</b>')}`);
    expect(cari.status).toBe(200);
    expect(cari.text).toContain("&lt;b&gt;&quot;sehat&quot;&lt;/b&gt;");
    expect(cari.text).not.toContain('<b>"sehat"</b>');
  });
});

describe("item pages", () => {
  it("renders a press release: dateline and lead, quotes with speaker and role, contact, boilerplate", async () => {
    const item = await insertItem(server.services, main.opdA, {
      type: "siaran_pers",
      title: "Dinkes Bali gelar vaksinasi massal",
      summary: "Vaksinasi massal digelar serentak di sembilan kabupaten/kota.",
      bodyHtml: "<p>Kegiatan berlangsung selama tiga hari.</p><h2>Jadwal</h2><p>Mulai pukul 08.00.</p>",
      fields: {
        dateline: "Denpasar",
        lead: "Dinas Kesehatan Provinsi Bali menggelar vaksinasi massal pada Sabtu (21/11).",
        quotes: [{ text: "Kami mengajak seluruh warga untuk hadir.", speaker: "dr. Made Sutama", role: "Kepala Dinas Kesehatan" }],
        contactName: "Ni Luh Putu Ayu",
        contactPhone: "0812-3456-7890",
        contactEmail: "humas@diskes.baliprov.go.id",
        boilerplate: "Dinas Kesehatan Provinsi Bali melayani kesehatan masyarakat Bali.",
      },
    });
    const res = await page(`/${slugs.opdA}/${item.slug}`);
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain("<strong>DENPASAR</strong> – Dinas Kesehatan Provinsi Bali menggelar vaksinasi massal");
    expect(html).toContain("<p>Kegiatan berlangsung selama tiga hari.</p><h2>Jadwal</h2>");
    expect(html).toMatch(
      /<blockquote><p>Kami mengajak seluruh warga untuk hadir.<\/p><\/blockquote><figcaption>— dr. Made Sutama, Kepala Dinas Kesehatan<\/figcaption>/,
    );
    expect(html).toContain(
      '<h2 id="narahubung">Narahubung</h2><p>Ni Luh Putu Ayu<br>Telepon: <a href="tel:081234567890">0812-3456-7890</a>',
    );
    expect(html).toContain('<a href="mailto:humas@diskes.baliprov.go.id">');
    expect(html).toContain(`<h2 id="tentang">Tentang ${main.names.opdA}</h2><p>Dinas Kesehatan Provinsi Bali melayani`);
    expect(html).toContain("Dilihat 0 kali");
    // Breadcrumb: top newsroom › agency › item.
    expect(html).toMatch(
      /<nav class="crumbs" aria-label="Remah roti"><ol><li><a href="\/">[^<]+<\/a><\/li><li><a href="\/[^"]+">[^<]+<\/a><\/li><li><span aria-current="page">Dinkes Bali gelar vaksinasi massal<\/span>/,
    );
  });

  it("carries OpenGraph, Twitter card and valid NewsArticle JSON-LD, with the og rendition and canonical URL", async () => {
    const cover = await insertImageAsset(server.services, main.opdA, { altText: "Petugas menyuntikkan vaksin" });
    const item = await insertItem(server.services, main.opdA, {
      type: "berita",
      title: "Cakupan imunisasi naik",
      summary: "Cakupan imunisasi dasar naik menjadi 95 persen.",
      coverAssetId: cover.id,
    });
    await linkAsset(server.services, item.id, cover.id, "cover");
    const html = (await page(`/${slugs.opdA}/${item.slug}`)).text;
    const url = `${server.baseUrl}/${slugs.opdA}/${item.slug}`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(metaContent(html, "property", "og:type")).toBe("article");
    expect(metaContent(html, "property", "og:title")).toBe("Cakupan imunisasi naik");
    expect(metaContent(html, "property", "og:description")).toBe("Cakupan imunisasi dasar naik menjadi 95 persen.");
    expect(metaContent(html, "property", "og:image")).toBe(`${server.baseUrl}/media/${cover.id}/og`);
    expect(metaContent(html, "property", "og:url")).toBe(url);
    expect(metaContent(html, "property", "article:published_time")).toBe(item.publicFrom?.toISOString());
    expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
    expect(metaContent(html, "name", "twitter:image")).toBe(`${server.baseUrl}/media/${cover.id}/og`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "null");
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.headline).toBe("Cakupan imunisasi naik");
    expect(ld.datePublished).toBe(item.publicFrom?.toISOString());
    expect(Date.parse(ld.dateModified)).toBeGreaterThanOrEqual(Date.parse(ld.datePublished));
    expect(ld.author).toMatchObject({ "@type": "Organization", name: main.names.opdA });
    expect(ld.publisher).toMatchObject({ "@type": "Organization", name: main.names.opdA });
    expect(ld.image).toEqual([`${server.baseUrl}/media/${cover.id}/og`]);
    // The cover shows in the article from its large rendition, never the original.
    expect(html).toContain(`src="/media/${cover.id}/large"`);
    expect(html).toContain('alt="Petugas menyuntikkan vaksin"');
    expect(html).not.toContain("original");
    // RSS and Atom are announced in the head.
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it("renders a photo story: each photo with caption, credit, place and date taken, and a press kit link", async () => {
    const p1 = await insertImageAsset(server.services, main.opdB, { altText: "Penari Legong di panggung" });
    const p2 = await insertImageAsset(server.services, main.opdB);
    const item = await insertItem(server.services, main.opdB, {
      type: "foto",
      title: "Pesona tari Legong",
      fields: {
        photos: [
          {
            assetId: p1.id,
            caption: "Penari Legong tampil di Ubud",
            credit: "I Made Wirawan",
            place: "Ubud, Gianyar",
            takenAt: "2026-11-20",
          },
          { assetId: p2.id, caption: "Penonton memadati wantilan", credit: "Ni Kadek Sari", place: "Ubud", takenAt: "" },
        ],
      },
    });
    await linkAsset(server.services, item.id, p1.id, "photo", 0);
    await linkAsset(server.services, item.id, p2.id, "photo", 1);
    const html = (await page(`/${slugs.opdB}/${item.slug}`)).text;
    expect(html).toContain('alt="Penari Legong di panggung"');
    expect(html).toContain(`srcset="/media/${p1.id}/medium 80w, /media/${p1.id}/large 160w"`);
    expect(html).toContain(
      'Penari Legong tampil di Ubud <span class="credit">Foto: I Made Wirawan</span><br>Ubud, Gianyar, 20 November 2026',
    );
    expect(html).toContain('Penonton memadati wantilan <span class="credit">Foto: Ni Kadek Sari</span>');
    expect(html).toContain(`href="/${slugs.opdB}/${item.slug}/paket-media.zip"`);
  });

  it("renders a hoax clarification with its bracketed label, claim, facts, statement and references", async () => {
    const item = await insertItem(server.services, main.diskominfo, {
      type: "klarifikasi",
      title: "Pesan berantai bantuan tunai Rp5 juta",
      fields: {
        hoaxLabel: "hoaks",
        claim: "Beredar pesan bahwa Pemprov membagikan bantuan tunai Rp5 juta lewat tautan.",
        circulatedOn: "WhatsApp dan Facebook",
        facts: "Pemprov tidak pernah membagikan bantuan lewat tautan.\n\nTautan itu adalah situs penipuan.",
        agencyStatement: "Masyarakat diimbau tidak mengisi data pribadi.",
        references: ["https://www.komdigi.go.id/berita/klarifikasi-hoaks", "javascript:alert(1)" as never],
      },
    });
    const slug = await orgSlug(server.services, main.diskominfo);
    const html = (await page(`/${slug}/${item.slug}`)).text;
    expect(html).toContain('<h1><span class="label">[HOAKS]</span> Pesan berantai bantuan tunai Rp5 juta</h1>');
    expect(html).toContain("<title>[HOAKS] Pesan berantai bantuan tunai Rp5 juta");
    expect(html).toContain("<p>Beredar pesan bahwa Pemprov membagikan bantuan tunai Rp5 juta lewat tautan.</p>");
    expect(html).toContain("<strong>Beredar di:</strong> WhatsApp dan Facebook");
    expect(html).toContain(
      '<h2 id="fakta">Fakta</h2><p>Pemprov tidak pernah membagikan bantuan lewat tautan.</p><p>Tautan itu adalah situs penipuan.</p>',
    );
    expect(html).toContain(`<h2 id="pernyataan">Pernyataan ${main.names.diskominfo}</h2>`);
    expect(html).toContain('<a href="https://www.komdigi.go.id/berita/klarifikasi-hoaks" rel="noopener noreferrer">');
    expect(html).not.toContain("javascript:");
    // Lists and feeds carry the label too.
    expect((await page(`/${slug}`)).text).toContain('<span class="label">[HOAKS]</span> Pesan berantai');
  });

  it("renders infographics with alt text and data source, videos with subtitles, announcements with their end date", async () => {
    const s = server.services;
    const info = await insertImageAsset(s, main.opdA);
    const infographic = await insertItem(s, main.opdA, {
      type: "infografis",
      title: "Angka stunting 2026",
      fields: {
        images: [{ assetId: info.id, altText: "Grafik: stunting turun dari 10,9% menjadi 8,7%" }],
        dataSource: "Survei Status Gizi Indonesia 2026",
      },
    });
    await linkAsset(s, infographic.id, info.id, "image");
    const html = (await page(`/${slugs.opdA}/${infographic.slug}`)).text;
    expect(html).toContain('alt="Grafik: stunting turun dari 10,9% menjadi 8,7%"');
    expect(html).toContain("Sumber data: Survei Status Gizi Indonesia 2026");

    const { insertVideoAsset } = await import("./test-fixtures");
    const clip = await insertVideoAsset(s, main.opdA, Buffer.alloc(1000, 1));
    const poster = await insertImageAsset(s, main.opdA);
    const video = await insertItem(s, main.opdA, {
      type: "video",
      title: "Video cuci tangan",
      fields: {
        videoAssetId: clip.id,
        thumbnailAssetId: poster.id,
        durationSeconds: 75,
        videoUrl: "https://www.youtube.com/watch?v=abc",
        subtitles: [{ language: "id", format: "srt", text: "1\n00:00:01,000 --> 00:00:02,500\nCuci tangan pakai sabun\n" }],
      },
    });
    await linkAsset(s, video.id, clip.id, "video");
    await linkAsset(s, video.id, poster.id, "thumbnail");
    const vhtml = (await page(`/${slugs.opdA}/${video.slug}`)).text;
    expect(vhtml).toContain(`<video controls preload="metadata" poster="/media/${poster.id}/large">`);
    expect(vhtml).toContain(`<source src="/media/${clip.id}/video" type="video/mp4">`);
    expect(vhtml).toContain(
      `<track kind="captions" srclang="id" label="Bahasa Indonesia" src="/${slugs.opdA}/${video.slug}/subtitles/id.vtt" default>`,
    );
    expect(vhtml).toContain("Durasi 1 menit 15 detik");
    expect(vhtml).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer">Tonton video di www.youtube.com</a>');
    const vtt = await page(`/${slugs.opdA}/${video.slug}/subtitles/id.vtt`);
    expect(vtt.headers.get("content-type")).toMatch(/^text\/vtt/);
    expect(vtt.text).toBe("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nCuci tangan pakai sabun\n");
    expect((await page(`/${slugs.opdA}/${video.slug}/subtitles/en.vtt`)).status).toBe(404);

    const notice = await insertItem(s, main.opdA, { type: "pengumuman", title: "Penutupan jalan", fields: { validUntil: "2026-12-31" } });
    expect((await page(`/${slugs.opdA}/${notice.slug}`)).text).toContain("<strong>Berlaku hingga:</strong> 31 Desember 2026");
  });

  it("escapes a title with markup everywhere it appears", async () => {
    const item = await insertItem(server.services, main.opdA, {
      title: `<script>alert("x")</script> & "kutip" </title>`,
      summary: "Ringkasan <img src=x onerror=alert(1)>",
    });
    const html = (await page(`/${slugs.opdA}/${item.slug}`)).text;
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;kutip&quot; &lt;/title&gt;</h1>");
    expect(html).toContain('content="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;kutip&quot; &lt;/title&gt;"');
    // Inside JSON-LD "<" is \u003c, so no text can close the script element.
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(ld).toContain("\\u003cscript>");
    expect(JSON.parse(ld).headline).toContain('<script>alert("x")');
    expect((await page(`/${slugs.opdA}`)).text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("not found, inactive organizations, other paths", () => {
  it("answers an Indonesian HTML 404 for an unknown organization or item", async () => {
    for (const path of ["/tidak-ada-instansi-ini", `/${slugs.opdA}/tidak-ada-konten-ini`, "/tidak-ada/feed.xml"]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(res.text, path).toContain("<h1>Halaman tidak ditemukan</h1>");
      expect(res.text).toContain('<html lang="id">');
    }
  });

  it("hides an inactive organization's newsroom and its items", async () => {
    const t = await createTree(server.services);
    const slug = await orgSlug(server.services, t.opdB);
    const item = await insertItem(server.services, t.opdB, { title: "Konten instansi yang dinonaktifkan" });
    const rootSlug = await orgSlug(server.services, t.root);
    expect((await page(`/${slug}/${item.slug}`)).status).toBe(200);
    await server.services.db.update(organizations).set({ active: false }).where(eq(organizations.id, t.opdB.id));
    // Cached pages are dropped when the database's change notification arrives (asynchronous on PostgreSQL).
    await expect.poll(async () => (await page(`/${slug}`)).status).toBe(404);
    expect((await page(`/${slug}/${item.slug}`)).status).toBe(404);
    expect((await page(`/${rootSlug}`)).text).not.toContain(item.title);
  });

  it("leaves the staff app, the API, health and metrics where they were", async () => {
    expect([200, 503]).toContain((await page("/app")).status);
    expect((await page("/healthz")).status).toBe(200);
    expect((await page("/readyz")).status).toBe(200);
    expect((await page("/metrics")).status).toBe(200);
    const api = await page("/api/v1/tidak-ada");
    expect(api.status).toBe(404);
    expect(JSON.parse(api.text).error.code).toBe("route_not_found");
    // Reserved first segments are never taken for an organization.
    expect(JSON.parse((await page("/api")).text).error.code).toBe("route_not_found");
    expect((await page("/robots.txt")).text).toContain(`Sitemap: ${server.baseUrl}/sitemap.xml`);
  });
});

describe("privacy, security headers and weight", () => {
  it("sets no cookie even for a signed-in staff member, and sends a strict policy without inline script", async () => {
    const item = await insertItem(server.services, main.opdA, { title: "Konten tanpa cookie" });
    const { client } = await signedIn(server, main.opdA, "officer");
    for (const path of ["/", `/${slugs.opdA}`, `/${slugs.opdA}/${item.slug}`, "/feed.xml", "/sitemap.xml", "/tidak-ada-instansi"]) {
      const res = await page(path, { cookie: client.cookie as string });
      expect(res.headers.get("set-cookie"), path).toBeNull();
    }
    const res = await page(`/${slugs.opdA}/${item.slug}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.text).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it("keeps a typical press release page far under 60 KB, gzipped when the client accepts it, with an ETag", async () => {
    const paragraph =
      "<p>Pemerintah Provinsi Bali melalui Dinas Kesehatan terus memperluas layanan vaksinasi bagi warga di seluruh kabupaten dan kota.</p>";
    const item = await insertItem(server.services, main.opdA, {
      type: "siaran_pers",
      title: "Rilis dengan panjang wajar",
      summary: "Ringkasan satu kalimat.",
      bodyHtml: paragraph.repeat(12),
      fields: {
        dateline: "Denpasar",
        lead: "Paragraf pembuka.",
        quotes: [{ text: "Kutipan.", speaker: "Kepala Dinas", role: "Kepala" }],
        contactName: "Humas",
        boilerplate: "Tentang instansi.",
      },
    });
    const path = `/${slugs.opdA}/${item.slug}`;
    const raw = await fetch(`${server.baseUrl}${path}`, { headers: { "accept-encoding": "identity" } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    expect(rawBytes).toBeLessThan(60 * 1024);
    // fetch hides compression, so ask over plain HTTP for the transferred size.
    const { request } = await import("node:http");
    const gzipped = await new Promise<{ encoding?: string; bytes: number; etag?: string }>((resolve, reject) => {
      request(`${server.baseUrl}${path}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => {
          bytes += c.length;
        });
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], bytes, etag: res.headers.etag }));
      })
        .on("error", reject)
        .end();
    });
    expect(gzipped.encoding).toBe("gzip");
    expect(gzipped.bytes).toBeLessThan(rawBytes / 2);
    const again = await page(path, { "if-none-match": gzipped.etag as string });
    expect(again.status).toBe(304);
  });
});
