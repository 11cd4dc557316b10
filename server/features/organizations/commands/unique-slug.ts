import { like } from "drizzle-orm";
import { RESERVED_SLUGS } from "../../../../common/newsroom";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "organisasi"
  );
}

/** A URL slug for the public newsroom (`/<slug>`), made unique with a numeric suffix. */
export async function uniqueSlug(tx: Executor, base: string): Promise<string> {
  const slug = slugify(base);
  const taken = new Set(
    (
      await tx
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(like(organizations.slug, `${slug}%`))
    ).map((r) => r.slug),
  );
  // Paths the public site uses itself (/app, /media, /cari, …) would hide the newsroom.
  for (const reserved of RESERVED_SLUGS) taken.add(reserved);
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i++) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}
