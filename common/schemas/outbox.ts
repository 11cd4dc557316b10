import { z } from "zod";
import { id, paged, pageQuery } from "./shared";

export const outboxQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const emailView = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.enum(["queued", "sent", "outbox", "failed"]),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const emailList = paged(emailView).extend({ transport: z.enum(["smtp", "outbox"]) });
