import { z } from "zod";
import { LIMITS } from "../limits";

export const id = z.uuid();
export const email = z
  .email()
  .max(LIMITS.email)
  .transform((v) => v.trim().toLowerCase());
export const personName = z.string().trim().min(1).max(LIMITS.name);
export const isoDateTime = z.string();

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Actions the server says the current user may take; the UI never re-implements a rule. */
export const can = z.record(z.string(), z.boolean());

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    /** 0-based character of a query syntax error (codes query_*). */
    position: z.number().int().optional(),
  }),
});
