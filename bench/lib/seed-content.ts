import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client";

/** Words that make titles differ, so that search has realistic selectivity. */
export const TOPICS = [
  "Pesta Kesenian Bali",
  "stunting",
  "vaksinasi",
  "jalan rusak",
  "banjir",
  "UMKM",
  "pariwisata",
  "beasiswa",
  "pasar murah",
  "inflasi",
  "sampah plastik",
  "air bersih",
  "puskesmas",
  "sekolah rakyat",
  "bantuan sosial",
  "gempa",
  "kebakaran hutan",
  "festival budaya",
  "transportasi umum",
  "hoaks",
  "pemilihan",
  "perizinan",
  "investasi",
  "pertanian",
  "nelayan",
  "subak",
  "literasi digital",
  "zona integritas",
  "pelayanan publik",
  "KTP elektronik",
  "rumah sakit",
  "demam berdarah",
  "posyandu",
  "irigasi",
  "harga beras",
  "mudik",
  "Nyepi",
  "Galungan",
  "pelabuhan",
  "bandara",
  "kebersihan pantai",
  "terumbu karang",
];

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/seeds");
const FALLBACK = "Pemerintah daerah menggelar kegiatan kehumasan untuk menyampaikan informasi kepada masyarakat.";

/** The five seed articles as HTML paragraphs (a stand-in sentence when run outside the workspace). */
function seedBodies(): string[] {
  try {
    return readdirSync(SEED_DIR)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(SEED_DIR, f), "utf8"))
      .map((t) =>
        t
          .split(/\n+/)
          .filter(Boolean)
          .map((p) => `<p>${p.replace(/[<&]/g, " ")}</p>`)
          .join(""),
      );
  } catch {
    return [`<p>${FALLBACK}</p>`];
  }
}

/** A PostgreSQL array literal, sent as one text parameter. */
const pgArray = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;

export interface ContentSeed {
  items: number;
  published: number;
  embargoed: number;
  seconds: number;
}

/**
 * `count` content items over the seeded organizations (90% published over two years, 1% under a
 * future embargo, the rest in the workflow), with the seed articles as bodies, set-wise in SQL.
 */
export async function seedContent(db: Db, count: number): Promise<ContentSeed> {
  const started = performance.now();
  const bodies = seedBodies();
  const types = ["siaran_pers", "berita", "foto", "infografis", "video", "pengumuman", "klarifikasi"];
  await db.execute(sql`
    with o as (select id, (row_number() over (order by id) - 1)::int as n from organizations),
         oc as (select count(*)::int as c from organizations)
    insert into content_items (id, organization_id, type, title, slug, summary, body_html, body_text, fields, status,
                               published_at, public_from, released_at, embargo_until, author_id, created_at, updated_at)
    select gen_random_uuid(), o.id,
           (${pgArray(types)}::text[])[1 + s % ${types.length}],
           initcap((${pgArray(TOPICS)}::text[])[1 + s % ${TOPICS.length}]) || ': ' || 'kegiatan ke-' || s || ' di ' || (array['Denpasar','Badung','Gianyar','Tabanan','Buleleng','Karangasem','Bangli','Klungkung','Jembrana'])[1 + s % 9],
           'konten-' || s,
           'Ringkasan kegiatan ' || (${pgArray(TOPICS)}::text[])[1 + (s * 7) % ${TOPICS.length}] || ' oleh perangkat daerah.',
           (${pgArray(bodies)}::text[])[1 + s % ${bodies.length}],
           regexp_replace((${pgArray(bodies)}::text[])[1 + s % ${bodies.length}], '<[^>]+>', ' ', 'g'),
           jsonb_build_object('dateline', 'Denpasar', 'lead', 'Teras berita nomor ' || s),
           case when s % 100 < 91 then 'published' when s % 100 < 95 then 'draft' else 'in_review' end,
           case when s % 100 < 91 then now() - (s % 730) * interval '1 day' - (s % 1440) * interval '1 minute' end,
           case when s % 100 = 90 then now() + interval '30 days'
                when s % 100 < 90 then now() - (s % 730) * interval '1 day' - (s % 1440) * interval '1 minute' end,
           case when s % 100 < 90 then now() end,
           case when s % 100 = 90 then now() + interval '30 days' end,
           null, now(), now()
    from generate_series(0, ${count - 1}) s
    cross join oc
    join o on o.n = s % oc.c`);
  await db.execute(sql`vacuum analyze content_items`);
  const result = (await db.execute(
    sql`select count(*)::int as items,
      count(*) filter (where status = 'published' and public_from <= now())::int as published,
      count(*) filter (where status = 'published' and public_from > now())::int as embargoed from content_items`,
  )) as unknown as { rows: { items: number; published: number; embargoed: number }[] };
  return { ...result.rows[0], seconds: (performance.now() - started) / 1000 };
}
