CREATE TABLE "release_pickup_scan" (
	"id" text PRIMARY KEY NOT NULL,
	"last_article_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_pickups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"content_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"outlet_id" uuid,
	"outlet_name" text,
	"article_url" text NOT NULL,
	"article_title" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"containment" real NOT NULL,
	"before_release" boolean DEFAULT false NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_pickups" ADD CONSTRAINT "release_pickups_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_pickups" ADD CONSTRAINT "release_pickups_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_pickups" ADD CONSTRAINT "release_pickups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_pickups" ADD CONSTRAINT "release_pickups_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "release_pickups_pair_uq" ON "release_pickups" USING btree ("content_id","article_id");--> statement-breakpoint
CREATE INDEX "release_pickups_org_idx" ON "release_pickups" USING btree ("organization_id","published_at");--> statement-breakpoint
CREATE INDEX "release_pickups_outlet_idx" ON "release_pickups" USING btree ("outlet_id","published_at") WHERE "release_pickups"."outlet_id" is not null;