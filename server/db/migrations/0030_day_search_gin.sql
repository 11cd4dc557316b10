-- The new index is built before the old one is dropped: the build takes a SHARE lock (reads go on,
-- writes wait), and the DROP's exclusive lock then lasts only to the commit, so searches are not
-- blocked for the length of the build.
CREATE INDEX "articles_day_search_idx" ON "articles" USING gin ((array[(("published_at" at time zone 'UTC')::date - date '2000-01-01')]),"search");--> statement-breakpoint
DROP INDEX "articles_search_idx";
