/** Form state of the officer drawer and its mapping to API bodies. */
import type { Golongan, Jenjang } from "../../../common/pranata-humas";
import { blankToNull } from "../../lib/form-errors";
import type { CreateOfficerBody, OfficerView, UpdateOfficerBody } from "./officers-api";

export interface OfficerFormValues {
  nip: string;
  name: string;
  organizationId: string | null;
  jenjang: Jenjang | null;
  golongan: Golongan | null;
  tmtJabatan: string;
  tmtPangkat: string;
  supervisorId: string | null;
  userId: string | null;
  education: string;
  email: string;
  phone: string;
  /** Mantine NumberInput holds "" when empty. */
  akAwal: number | string;
}

export function emptyOfficerValues(organizationId: string | null): OfficerFormValues {
  return {
    nip: "",
    name: "",
    organizationId,
    jenjang: null,
    golongan: null,
    tmtJabatan: "",
    tmtPangkat: "",
    supervisorId: null,
    userId: null,
    education: "",
    email: "",
    phone: "",
    akAwal: "",
  };
}

export function officerToValues(o: OfficerView): OfficerFormValues {
  return {
    nip: o.nip,
    name: o.name,
    organizationId: o.organizationId,
    jenjang: o.jenjang,
    golongan: o.golongan,
    tmtJabatan: o.tmtJabatan,
    tmtPangkat: o.tmtPangkat,
    supervisorId: o.supervisorId,
    userId: o.userId,
    education: o.education ?? "",
    email: o.email ?? "",
    phone: o.phone ?? "",
    akAwal: o.akAwal,
  };
}

const akAwalOf = (v: number | string): number | undefined => (v === "" || v === null ? undefined : Number(v));

// Missing required choices go to the API as "" so the shared schema reports them as required.
function fields(v: OfficerFormValues) {
  const text = blankToNull({ education: v.education, email: v.email, phone: v.phone });
  return {
    name: v.name.trim(),
    organizationId: v.organizationId ?? "",
    jenjang: (v.jenjang ?? "") as Jenjang,
    golongan: (v.golongan ?? "") as Golongan,
    tmtJabatan: v.tmtJabatan,
    tmtPangkat: v.tmtPangkat,
    supervisorId: v.supervisorId,
    userId: v.userId,
    education: text.education?.trim() ?? null,
    email: text.email?.trim() ?? null,
    phone: text.phone?.trim() ?? null,
  };
}

export function toCreateBody(v: OfficerFormValues): CreateOfficerBody {
  return { nip: v.nip.replace(/\s+/g, ""), ...fields(v), akAwal: akAwalOf(v.akAwal) };
}

/** PATCH only what changed, so the career history records real changes only. */
export function toUpdateBody(v: OfficerFormValues, initial: OfficerFormValues): UpdateOfficerBody {
  const next: Record<string, unknown> = { ...fields(v), akAwal: akAwalOf(v.akAwal) ?? 0 };
  const before: Record<string, unknown> = { ...fields(initial), akAwal: akAwalOf(initial.akAwal) ?? 0 };
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (next[key] !== before[key]) body[key] = next[key];
  }
  return body as UpdateOfficerBody;
}
