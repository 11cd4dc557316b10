/** Paid media cooperation value lists, zod-free so the staff app's router can use them. */
export const COOPERATION_CATEGORIES = ["pemberitaan", "non_pemberitaan"] as const;
export const CONTRACT_STATUSES = ["aktif", "selesai", "dibatalkan"] as const;
export const TERM_STATUSES = ["belum", "diajukan", "dibayar"] as const;
export const ELIGIBILITY_RULE_KINDS = ["dewan_pers_status", "pemred_ukw_utama", "journalists_ukw_min", "certificate_valid"] as const;
export const CONTRACT_DOCUMENT_KINDS = ["perjanjian", "spk", "bast", "invoice", "other"] as const;
/** An override of a failed eligibility check must say why, in a sentence or more. */
export const OVERRIDE_REASON_MIN = 20;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
