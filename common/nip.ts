/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD, TMT CPNS YYYYMM, sex (1 male,
 * 2 female), sequence NNN. Shared by the server's validation and the form's live feedback.
 */
export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  tmtCpns: string; // YYYY-MM
  sex: "L" | "P";
  sequence: string;
}

export type NipProblem = "length" | "digits" | "birth_date" | "tmt_cpns" | "sex" | "age";

export function parseNip(raw: string, today = new Date()): { ok: true; parts: NipParts } | { ok: false; problem: NipProblem } {
  const nip = raw.replace(/\s+/g, "");
  if (!/^\d*$/.test(nip)) return { ok: false, problem: "digits" };
  if (nip.length !== 18) return { ok: false, problem: "length" };
  const [y, m, d] = [Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1940 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth > today) return { ok: false, problem: "birth_date" };
  const [ty, tm] = [Number(nip.slice(8, 12)), Number(nip.slice(12, 14))];
  if (tm < 1 || tm > 12 || ty > today.getUTCFullYear() + 1) return { ok: false, problem: "tmt_cpns" };
  // A CPNS is appointed at 18 or older.
  if (ty * 12 + tm - (y * 12 + m) < 18 * 12 - 1) return { ok: false, problem: "age" };
  const sexDigit = nip[14];
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, problem: "sex" };
  return {
    ok: true,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmtCpns: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: sexDigit === "1" ? "L" : "P",
      sequence: nip.slice(15),
    },
  };
}
