CREATE TABLE "monitoring_fetch_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"http_status" integer,
	"entries" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text,
	"details" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trigger" text DEFAULT 'schedule' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"outlet_id" uuid,
	"schedule_minutes" integer DEFAULT 30 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetched_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"items_total" integer DEFAULT 0 NOT NULL,
	"next_fetch_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_fetch_log" ADD CONSTRAINT "monitoring_fetch_log_source_id_monitoring_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_fetch_log" ADD CONSTRAINT "monitoring_fetch_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sources" ADD CONSTRAINT "monitoring_sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sources" ADD CONSTRAINT "monitoring_sources_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_fetch_log_source_at_idx" ON "monitoring_fetch_log" USING btree ("source_id","at");--> statement-breakpoint
CREATE INDEX "monitoring_sources_org_idx" ON "monitoring_sources" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "monitoring_sources_due_idx" ON "monitoring_sources" USING btree ("enabled","next_fetch_at");--> statement-breakpoint
CREATE INDEX "monitoring_sources_outlet_idx" ON "monitoring_sources" USING btree ("outlet_id");