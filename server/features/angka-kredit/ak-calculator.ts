/**
 * Public entry of the angka kredit domain module (pure; no database access). The lead wires
 * it to the stored, effective-dated rules; see ak-rules.ts for the types and seed data.
 */
export * from "./ak-months";
export * from "./ak-period";
export * from "./ak-rules";
export * from "./ak-summary";
