/**
 * Spreadsheets run cells that start like a formula (CSV injection); a leading quote keeps them
 * text. Shared by every CSV export (audit log, media library).
 */
export const csvCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
