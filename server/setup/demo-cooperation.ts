import { eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import {
  journalistMemberships,
  journalists,
  mediaContractJournalists,
  mediaContracts,
  mediaContractTerms,
  mediaDeliverables,
  mediaOutlets,
  organizations,
} from "../db/schema";
import { checkEligibility } from "../features/media-cooperation/eligibility";
import { newId } from "../lib/ids";

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * One paid cooperation for the demo: Dinkes Bali with a verified online outlet whose pemimpin
 * redaksi holds UKW Utama, a news-coverage contract of the current fiscal year with two terms
 * (the first paid) and two of four publications delivered. The eligibility check is the real one.
 */
export async function seedDemoCooperation(tx: Executor, p: { dinkesId: string; editorId: string }) {
  const [org] = await tx.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, p.dinkesId));
  if (!org) return 0;
  const year = new Date().getUTCFullYear();
  const outletId = newId();
  await tx.insert(mediaOutlets).values({
    id: outletId,
    organizationId: p.dinkesId,
    name: "Bali Warta Digital",
    nameKey: "bali warta digital",
    company: "PT Bali Warta Media",
    type: "siber",
    regionCode: "51",
    website: "https://baliwarta.example",
    websiteDomain: "baliwarta.example",
    dewanPersStatus: "terverifikasi_faktual",
    certificateNumber: "1021/DP-Verifikasi/K/IX/2023",
    certificateDate: isoDay(-800),
    certificateExpiresOn: isoDay(1000),
    createdBy: p.editorId,
  });
  const pemredId = newId();
  const reporterId = newId();
  await tx.insert(journalists).values([
    {
      id: pemredId,
      organizationId: p.dinkesId,
      name: "I Made Sugiarta",
      ukwLevel: "utama",
      ukwCertificateNumber: "8812-PWI/WU/DP/I/2019",
      createdBy: p.editorId,
    },
    {
      id: reporterId,
      organizationId: p.dinkesId,
      name: "Ni Kadek Ayu Lestari",
      ukwLevel: "madya",
      beats: ["kesehatan"],
      createdBy: p.editorId,
    },
  ]);
  await tx.insert(journalistMemberships).values([
    { journalistId: pemredId, outletId, role: "pemimpin_redaksi" },
    { journalistId: reporterId, outletId, role: "reporter" },
  ]);

  const check = await checkEligibility(tx, org.path, outletId, [reporterId], isoDay(0));
  const contractId = newId();
  await tx.insert(mediaContracts).values({
    id: contractId,
    organizationId: p.dinkesId,
    outletId,
    fiscalYear: year,
    number: `027/1142/KS-MEDIA/DISKES/${year}`,
    formCode: "pemberitaan",
    formLabel: "Pemberitaan (publikasi berita)",
    formCategory: "pemberitaan",
    title: "Publikasi program kesehatan ibu dan anak",
    valueRupiah: 12_000_000,
    quota: 4,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    budgetLine: "5.1.02.02.01.0063 - Sub Kegiatan Penyebarluasan Informasi Kesehatan",
    eligibility: check,
    createdBy: p.editorId,
  });
  await tx.insert(mediaContractJournalists).values({ contractId, journalistId: reporterId });
  await tx.insert(mediaContractTerms).values([
    {
      id: newId(),
      contractId,
      position: 1,
      amountRupiah: 6_000_000,
      dueOn: `${year}-06-30`,
      status: "dibayar",
      paidOn: `${year}-07-02`,
      eligibility: check,
    },
    { id: newId(), contractId, position: 2, amountRupiah: 6_000_000, dueOn: `${year}-12-15` },
  ]);
  await tx.insert(mediaDeliverables).values([
    {
      id: newId(),
      contractId,
      title: "Dinkes Bali Gencarkan Imunisasi Dasar Lengkap di Sembilan Kabupaten/Kota",
      publishedOn: `${year}-03-12`,
      link: "https://baliwarta.example/kesehatan/imunisasi-dasar-lengkap",
      createdBy: p.editorId,
    },
    {
      id: newId(),
      contractId,
      title: "Posyandu Keliling Jangkau Desa-Desa di Lereng Batur",
      publishedOn: `${year}-05-20`,
      link: "https://baliwarta.example/kesehatan/posyandu-keliling-batur",
      createdBy: p.editorId,
    },
  ]);
  return 1;
}
