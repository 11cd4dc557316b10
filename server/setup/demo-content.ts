import type { Executor } from "../db/client";
import { contentEvents, contentItems, contentVersions } from "../db/schema";
import { htmlToText } from "../features/content/sanitize";
import { newId } from "../lib/ids";
import { seedDemoCooperation } from "./demo-cooperation";

interface DemoItem {
  organizationId: string;
  authorId: string;
  type: string;
  title: string;
  summary: string;
  paragraphs: string[];
  fields: Record<string, unknown>;
  status: "draft" | "returned" | "in_review" | "published";
  /** Days from now: negative in the past. */
  publishedDays?: number;
  embargoDays?: number;
  pendingApproverIds?: string[];
  returnNote?: string;
}

const day = 86_400_000;
const slug = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/**
 * Content for the demo newsroom and studio, written from the seed article about the Bali PR forum:
 * one public release, one under embargo, one waiting for the Dinkes editor, one returned, one draft.
 */
export async function seedDemoContent(
  tx: Executor,
  p: { kominfosId: string; dinkesId: string; coordinatorId: string; editorId: string; officerId: string },
) {
  const contact = { contactName: "Ni Luh Putu Sari Dewi", contactPhone: "(0361) 224145", contactEmail: "diskominfos@baliprov.go.id" };
  const boilerplate =
    "Dinas Komunikasi, Informatika dan Statistik Provinsi Bali melaksanakan urusan komunikasi publik, informatika, statistik, dan persandian Pemerintah Provinsi Bali.";
  const items: DemoItem[] = [
    {
      organizationId: p.kominfosId,
      authorId: p.coordinatorId,
      type: "siaran_pers",
      title: "Forum Kehumasan Bali Perkuat Sinergi Humas Perangkat Daerah",
      summary: "Diskominfos Bali menggelar Ngobrol Santai Forum Kehumasan secara daring bagi pengelola kehumasan perangkat daerah.",
      paragraphs: [
        "Ngobrol Santai Forum Kehumasan dilaksanakan oleh Dinas Komunikasi, Informatika dan Statistik Provinsi Bali secara daring kepada pengelola kehumasan di lingkungan Pemerintah Provinsi Bali.",
        "Kegiatan yang digagas oleh Bidang Humas, Publikasi dan Dokumentasi ini bertujuan membangun kerja sama dan partisipasi perangkat daerah dalam membangun citra pemerintah.",
        "Dalam kesempatan tersebut dilakukan sharing session mengenai kendala yang dihadapi pengelola kehumasan perangkat daerah, bersama praktisi konten kreatif Diskominfos Bali.",
      ],
      fields: {
        dateline: "Denpasar",
        lead: "Diskominfos Bali mengajak seluruh pengelola kehumasan perangkat daerah bekerja sebagai satu tim.",
        quotes: [
          {
            text: "Humas pemerintah fungsinya menjaga citra pemerintah daerah, bukan secara parsial namun merupakan satu tim.",
            speaker: "K. Suadnyana Purianto",
            role: "Kepala Bidang Humas, Publikasi dan Dokumentasi",
          },
        ],
        ...contact,
        boilerplate,
      },
      status: "published",
      publishedDays: -2,
    },
    {
      organizationId: p.kominfosId,
      authorId: p.coordinatorId,
      type: "siaran_pers",
      title: "Pemprov Bali Ajak Humas Perangkat Daerah Sosialisasikan Pesta Kesenian Bali",
      summary: "Perangkat daerah diminta aktif menyosialisasikan PKB dan menjaga kondusivitas pemberitaan.",
      paragraphs: [
        "Terkait pelaksanaan Pesta Kesenian Bali yang akan segera dilaksanakan, Pemerintah Provinsi Bali meminta dukungan seluruh perangkat daerah dalam menjaga kondusivitas pemberitaan.",
        "Jika ada permasalahan, perangkat daerah diminta segera menginformasikannya agar dapat diantisipasi dan ditindaklanjuti.",
      ],
      fields: {
        dateline: "Denpasar",
        lead: "Seluruh humas perangkat daerah diajak menyosialisasikan Pesta Kesenian Bali.",
        quotes: [
          {
            text: "Kita diminta ikut berpartisipasi aktif mensosialisasikan pelaksanaan PKB di Bali, menjaga kondusivitas suasana di media sosial dan media massa.",
            speaker: "K. Suadnyana Purianto",
            role: "Kepala Bidang Humas, Publikasi dan Dokumentasi",
          },
        ],
        ...contact,
        boilerplate,
      },
      status: "published",
      publishedDays: -0.1,
      embargoDays: 1,
    },
    {
      organizationId: p.dinkesId,
      authorId: p.officerId,
      type: "berita",
      title: "Dinkes Bali Gelar Posyandu Serentak untuk Cegah Stunting",
      summary: "Posyandu serentak digelar di seluruh kabupaten/kota untuk memantau tumbuh kembang balita.",
      paragraphs: [
        "Dinas Kesehatan Provinsi Bali menggelar posyandu serentak di seluruh kabupaten/kota sebagai upaya pencegahan stunting.",
      ],
      fields: {},
      status: "in_review",
      pendingApproverIds: [p.editorId],
    },
    {
      organizationId: p.dinkesId,
      authorId: p.officerId,
      type: "pengumuman",
      title: "Jadwal Vaksinasi Lanjutan di Puskesmas Se-Bali",
      summary: "",
      paragraphs: ["Vaksinasi lanjutan dilaksanakan di puskesmas se-Bali setiap hari kerja pukul 08.00–12.00 WITA."],
      fields: {},
      status: "returned",
      returnNote: "Tambahkan daftar puskesmas dan nomor layanan informasi.",
    },
    {
      organizationId: p.dinkesId,
      authorId: p.officerId,
      type: "klarifikasi",
      title: "[HOAKS] Pesan Berantai Vaksin Mengandung Chip",
      summary: "",
      paragraphs: [],
      fields: {
        claim: "Pesan berantai di WhatsApp menyebut vaksin yang diberikan di puskesmas mengandung chip pelacak.",
        circulatedOn: "WhatsApp, Facebook",
        hoaxLabel: "HOAKS",
      },
      status: "draft",
    },
  ];
  const now = Date.now();
  for (const item of items) {
    const id = newId();
    const bodyHtml = item.paragraphs.map((t) => `<p>${t}</p>`).join("");
    const publishedAt = item.publishedDays === undefined ? null : new Date(now + item.publishedDays * day);
    const embargoUntil = item.embargoDays === undefined ? null : new Date(now + item.embargoDays * day);
    const publicFrom = publishedAt ? new Date(Math.max(publishedAt.getTime(), embargoUntil?.getTime() ?? 0)) : null;
    await tx.insert(contentItems).values({
      id,
      organizationId: item.organizationId,
      type: item.type,
      title: item.title,
      slug: slug(item.title),
      summary: item.summary,
      bodyHtml,
      bodyText: htmlToText(bodyHtml),
      fields: item.fields,
      status: item.status,
      publishAt: publishedAt,
      publishedAt,
      embargoUntil,
      publicFrom,
      // An embargoed item is released by the sweep when its time comes, like any other.
      releasedAt: publicFrom && publicFrom.getTime() <= now ? publicFrom : null,
      reviewStep: item.status === "in_review" ? 1 : 0,
      reviewRound: item.status === "draft" ? 0 : 1,
      reviewChain: item.status === "in_review" ? [{ mode: "any", roles: ["editor"], userIds: [] }] : null,
      pendingApproverIds: item.pendingApproverIds ?? [],
      authorId: item.authorId,
    });
    await tx.insert(contentVersions).values({
      id: newId(),
      contentId: id,
      version: 1,
      snapshot: { title: item.title, summary: item.summary, bodyHtml, fields: item.fields, sensitive: false },
      authorId: item.authorId,
    });
    const events: { action: string; actorId: string; note?: string }[] = [];
    if (item.status !== "draft") events.push({ action: "submitted", actorId: item.authorId });
    if (item.status === "returned") events.push({ action: "returned", actorId: p.editorId, note: item.returnNote });
    if (item.status === "published")
      events.push({ action: "approved_final", actorId: p.coordinatorId }, { action: "published", actorId: p.coordinatorId });
    for (const [i, e] of events.entries()) {
      await tx.insert(contentEvents).values({
        id: newId(),
        contentId: id,
        action: e.action,
        note: e.note ?? null,
        actorId: e.actorId,
        round: 1,
        step: e.action === "submitted" ? 1 : null,
        createdAt: new Date(now - (events.length - i) * 3_600_000),
      });
    }
  }
  // Paid media cooperation (issue 5): one Dinkes contract with its outlet, terms and proof.
  await seedDemoCooperation(tx, { dinkesId: p.dinkesId, editorId: p.editorId });
  return items.length;
}
