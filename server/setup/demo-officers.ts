import { parseNip } from "../../common/nip";
import { type Golongan, JENJANG_INFO, type Jenjang, type Predikat } from "../../common/pranata-humas";
import type { Executor } from "../db/client";
import { hasilKerjaTypes, officerCareerEvents, officerRatings, officers, workLogEvents, workLogs } from "../db/schema";
import { newId } from "../lib/ids";

interface DemoOfficer {
  nip: string;
  name: string;
  jenjang: Jenjang;
  golongan: Golongan;
  tmtJabatan: string;
  userId?: string;
  ratings: [string, string, Predikat][];
}

/**
 * Pranata Humas of Dinas Kesehatan Provinsi Bali for the demo: a supervisor (the PR head,
 * linked to the editor login) and her team (one linked to the officer login), with predikat
 * history and work logs in every state, so each screen has something real to show.
 */
export async function seedDemoOfficers(tx: Executor, organizationId: string, supervisorUserId: string, officerUserId: string) {
  const team: DemoOfficer[] = [
    {
      nip: "197806152003122004",
      name: "Ni Made Ayu Lestari, S.I.Kom.",
      jenjang: "ahli_muda",
      golongan: "III/d",
      tmtJabatan: "2022-04-01",
      userId: supervisorUserId,
      ratings: [
        ["2024-01", "2024-12", "sangat_baik"],
        ["2025-01", "2025-12", "baik"],
      ],
    },
    {
      nip: "199304212019031007",
      name: "Komang Adi Pratama, A.Md.",
      jenjang: "mahir",
      golongan: "III/a",
      tmtJabatan: "2023-01-01",
      userId: officerUserId,
      ratings: [
        ["2023-01", "2023-12", "baik"],
        ["2024-01", "2024-12", "sangat_baik"],
        ["2025-01", "2025-12", "sangat_baik"],
      ],
    },
    {
      nip: "199108092015032012",
      name: "Putu Sri Wahyuni, S.Sos.",
      jenjang: "ahli_pertama",
      golongan: "III/b",
      tmtJabatan: "2023-01-01",
      ratings: [
        ["2023-01", "2023-12", "baik"],
        ["2024-01", "2024-12", "baik"],
        ["2025-01", "2025-06", "butuh_perbaikan"],
      ],
    },
    {
      nip: "198912012014021005",
      name: "I Kadek Wiranata, S.Kom.",
      jenjang: "ahli_pertama",
      golongan: "III/a",
      tmtJabatan: "2024-07-01",
      ratings: [
        ["2024-07", "2024-12", "sangat_baik"],
        ["2025-01", "2025-12", "baik"],
      ],
    },
  ];
  const ids: string[] = [];
  for (const [i, o] of team.entries()) {
    const parsed = parseNip(o.nip);
    if (!parsed.ok) throw new Error(`demo NIP ${o.nip}: ${parsed.problem}`);
    const id = newId();
    ids.push(id);
    await tx.insert(officers).values({
      id,
      organizationId,
      userId: o.userId ?? null,
      nip: o.nip,
      name: o.name,
      birthDate: parsed.parts.birthDate,
      tmtCpns: parsed.parts.tmtCpns,
      sex: parsed.parts.sex,
      kategori: JENJANG_INFO[o.jenjang].kategori,
      jenjang: o.jenjang,
      golongan: o.golongan,
      tmtJabatan: o.tmtJabatan,
      tmtPangkat: o.tmtJabatan,
      supervisorId: i === 0 ? null : ids[0],
      education: i === 1 ? "D3 Komunikasi" : "S1 Ilmu Komunikasi",
    });
    await tx.insert(officerCareerEvents).values([
      { id: newId(), officerId: id, kind: "jenjang", toValue: o.jenjang, effectiveDate: o.tmtJabatan },
      { id: newId(), officerId: id, kind: "pangkat", toValue: o.golongan, effectiveDate: o.tmtJabatan },
    ]);
    for (const [startMonth, endMonth, predikat] of o.ratings) {
      await tx.insert(officerRatings).values({
        id: newId(),
        officerId: id,
        year: Number(startMonth.slice(0, 4)),
        startMonth,
        endMonth,
        jenjang: o.jenjang,
        predikat,
        ratedBy: supervisorUserId,
      });
    }
  }
  const types = new Map(
    (await tx.select({ id: hasilKerjaTypes.id, code: hasilKerjaTypes.code }).from(hasilKerjaTypes)).map((t) => [t.code, t.id]),
  );
  const logs: [string, string, string, string][] = [
    ["KH-03", "Berita dan infografis Bulan Imunisasi Anak Nasional di situs Dinkes", "approved", "2026-11-03T10:00:00+08:00"],
    ["KH-01", "Konferensi pers kesiapsiagaan demam berdarah musim hujan", "submitted", "2026-11-12T09:00:00+08:00"],
    ["PI-02", "Siaran pers peluncuran layanan Puskesmas keliling Karangasem", "draft", "2026-11-18T14:30:00+08:00"],
  ];
  for (const [code, title, status, occurredAt] of logs) {
    const id = newId();
    const typeId = types.get(code);
    if (!typeId) continue;
    const submitted = status !== "draft" ? new Date(occurredAt) : null;
    await tx.insert(workLogs).values({
      id,
      officerId: ids[1],
      organizationId,
      hasilKerjaTypeId: typeId,
      occurredAt: new Date(occurredAt),
      title,
      description: "Dicatat untuk demo Sinergi.",
      place: "Denpasar",
      status,
      submittedAt: submitted,
      decidedAt: status === "approved" ? submitted : null,
      decidedBy: status === "approved" ? supervisorUserId : null,
      createdBy: officerUserId,
    });
    if (submitted) await tx.insert(workLogEvents).values({ id: newId(), workLogId: id, action: "submit", actorId: officerUserId });
    if (status === "approved")
      await tx.insert(workLogEvents).values({ id: newId(), workLogId: id, action: "approve", actorId: supervisorUserId });
  }
  return ids.length;
}
