import type { JournalistSummary, JournalistView } from "../../../common/schemas/media-relations";
import type { Actor } from "../../policies/core";
import type { JournalistRow, journalistDetail } from "./journalist-queries";
import { journalistPolicy } from "./media-relations.policy";

type Membership = { outletId: string; outletName: string; role: string };

export function presentJournalistSummary(row: JournalistRow, memberships: Membership[], actor: Actor): JournalistSummary {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    memberships: memberships.map((m) => ({ ...m, role: m.role as JournalistSummary["memberships"][number]["role"] })),
    beats: row.beats,
    regionCode: row.regionCode,
    ukwLevel: row.ukwLevel as JournalistSummary["ukwLevel"],
    email: row.email,
    phone: row.phone,
    erased: row.erasedAt !== null,
    can: journalistPolicy.abilities(actor, row),
  };
}

export function presentInteractions(rows: Awaited<ReturnType<typeof journalistDetail>>["interactions"]) {
  return rows.map((i) => ({
    id: i.id,
    kind: i.kind as JournalistView["interactions"][number]["kind"],
    occurredOn: i.occurredOn,
    text: i.text,
    link: i.link,
    createdAt: i.createdAt.toISOString(),
  }));
}

export function presentJournalist(row: JournalistRow, detail: Awaited<ReturnType<typeof journalistDetail>>, actor: Actor): JournalistView {
  const j = detail.journalist;
  return {
    ...presentJournalistSummary(row, detail.memberships, actor),
    ukwCertificateNumber: j.ukwCertificateNumber,
    ukwCertificateDate: j.ukwCertificateDate,
    whatsapp: j.whatsapp,
    consent: j.consent ?? null,
    notes: j.notes,
    interactions: presentInteractions(detail.interactions),
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
  };
}
