/** The newsroom URL of an item; the same before and after its embargo lifts. */
export const publicUrlOf = (base: string, orgSlug: string, slug: string) => `${base.replace(/\/$/, "")}/${orgSlug}/${slug}`;
