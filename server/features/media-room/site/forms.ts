import { z } from "zod";
import { errorMessage } from "../../../../common/i18n/errors";
import { LIMITS } from "../../../../common/limits";
import { JOURNALIST_ROLES } from "../../../../common/media-relations-enums";
import { RSVP_ANSWERS } from "../../../../common/press-events-enums";
import type { AppError } from "../../../http/errors";

/** The media-room forms (urlencoded, no script), with messages in Indonesian. */
const text = (max: number, label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, `${label} wajib diisi.`)
    .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`);
const email = z
  .string({ error: "Email wajib diisi." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Alamat email tidak valid.").max(LIMITS.email, "Alamat email terlalu panjang."));

export const registerForm = z.object({
  organizationId: z.uuid("Pilih instansi yang Anda ajukan."),
  name: text(LIMITS.name, "Nama"),
  email,
  outlet: text(200, "Nama media"),
  role: z.enum(JOURNALIST_ROLES, "Pilih jabatan Anda di media."),
  pressCardNumber: text(100, "Nomor kartu pers / sertifikat UKW"),
  phone: text(30, "Nomor telepon"),
  password: z.string({ error: "Kata sandi wajib diisi." }).max(200, "Kata sandi terlalu panjang."),
});
export type RegisterForm = z.infer<typeof registerForm>;

export const signInForm = z.object({
  email,
  password: z.string({ error: "Kata sandi wajib diisi." }).min(1, "Kata sandi wajib diisi.").max(200),
});
export const resetRequestForm = z.object({ email });
export const resetConfirmForm = z.object({
  token: z.string().min(10).max(200),
  password: z.string({ error: "Kata sandi wajib diisi." }).max(200, "Kata sandi terlalu panjang."),
});
export const subscribeForm = z.object({
  kind: z.enum(["organization", "type"], "Pilih jenis langganan."),
  value: z.string().trim().min(1, "Pilih instansi atau jenis konten.").max(100),
});
export const rsvpForm = z.object({ answer: z.enum(RSVP_ANSWERS, "Pilih jawaban kehadiran.") });

export type FieldErrors = Record<string, string>;

/** Parses a form; on failure returns the Indonesian message of each wrong field. */
export function readForm<T extends z.ZodType>(
  schema: T,
  body: unknown,
): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** A command's AppError as form messages: field errors by field, anything else on the form. */
export function formErrors(err: AppError): FieldErrors {
  if (err.fields) {
    return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, errorMessage("id", v.code, v.params)]));
  }
  return { form: errorMessage("id", err.code, err.params) };
}
