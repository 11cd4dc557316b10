CREATE TABLE "article_band_keys" (
	"article_id" uuid NOT NULL,
	"band" smallint NOT NULL,
	"organization_id" uuid NOT NULL,
	"band_key" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_band_keys_article_id_band_pk" PRIMARY KEY("article_id","band")
);
--> statement-breakpoint
DROP INDEX "article_fingerprints_bands_idx";--> statement-breakpoint
CREATE INDEX "article_band_keys_lookup_idx" ON "article_band_keys" USING btree ("organization_id","band_key","published_at","article_id");--> statement-breakpoint
-- Backfill: the band keys stored so far move to their own rows (band = position in the array).
INSERT INTO "article_band_keys" ("article_id", "band", "organization_id", "band_key", "published_at")
SELECT f."article_id", (b.ord - 1)::smallint, f."organization_id", b.key, f."published_at"
FROM "article_fingerprints" f CROSS JOIN LATERAL unnest(f."bands") WITH ORDINALITY AS b(key, ord);--> statement-breakpoint
ALTER TABLE "article_fingerprints" DROP COLUMN "bands";