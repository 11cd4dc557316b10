ALTER TABLE "content_items" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "review_chain" jsonb;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "pending_approver_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "content_items_unreleased_idx" ON "content_items" USING btree ("public_from") WHERE "content_items"."status" = 'published' and "content_items"."released_at" is null;--> statement-breakpoint
CREATE INDEX "content_items_pending_idx" ON "content_items" USING gin ("pending_approver_ids") WHERE "content_items"."status" = 'in_review';