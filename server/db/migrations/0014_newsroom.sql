CREATE INDEX "content_items_cover_idx" ON "content_items" USING btree ("cover_asset_id") WHERE "content_items"."status" = 'published';--> statement-breakpoint
-- The public newsroom caches its pages in each process; these NOTIFYs tell every process when
-- what a page shows has changed (server/public-site/page-cache.ts). Only published items matter,
-- and never the view counter (views), which is written by the pages themselves.
CREATE FUNCTION sinergi_notify_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sinergi_content', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER content_items_content_added AFTER INSERT ON content_items FOR EACH ROW
  WHEN (NEW.status = 'published')
  EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER content_items_content_changed
  AFTER UPDATE OF organization_id, type, title, slug, summary, body_html, fields, status, public_from, cover_asset_id, updated_at
  ON content_items FOR EACH ROW
  WHEN (OLD.status = 'published' OR NEW.status = 'published')
  EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER content_items_content_deleted AFTER DELETE ON content_items FOR EACH ROW
  WHEN (OLD.status = 'published')
  EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER content_assets_content_changed AFTER INSERT OR UPDATE OR DELETE ON content_assets FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER media_assets_content_changed AFTER UPDATE OR DELETE ON media_assets FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER content_items_truncated AFTER TRUNCATE ON content_items FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER content_assets_truncated AFTER TRUNCATE ON content_assets FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_content();--> statement-breakpoint
CREATE TRIGGER media_assets_truncated AFTER TRUNCATE ON media_assets FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_content();
