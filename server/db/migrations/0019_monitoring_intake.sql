CREATE TABLE "monitoring_csv_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid,
	"api_token_id" uuid,
	"organization_id" uuid NOT NULL,
	"source_id" uuid,
	"outlet_id" uuid,
	"file_name" text DEFAULT '' NOT NULL,
	"rows" jsonb NOT NULL,
	"valid_rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"result" jsonb,
	CONSTRAINT "monitoring_csv_imports_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "monitoring_ocr_scans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"pages_total" integer DEFAULT 0 NOT NULL,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"text" text,
	"confidence" integer,
	"error_code" text,
	"article_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_source_secrets" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"secret" text NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"backoff_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_csv_imports" ADD CONSTRAINT "monitoring_csv_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_csv_imports" ADD CONSTRAINT "monitoring_csv_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_csv_imports" ADD CONSTRAINT "monitoring_csv_imports_source_id_monitoring_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_csv_imports" ADD CONSTRAINT "monitoring_csv_imports_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_ocr_scans" ADD CONSTRAINT "monitoring_ocr_scans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_ocr_scans" ADD CONSTRAINT "monitoring_ocr_scans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_source_secrets" ADD CONSTRAINT "monitoring_source_secrets_source_id_monitoring_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."monitoring_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_source_secrets" ADD CONSTRAINT "monitoring_source_secrets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_csv_imports_expires_idx" ON "monitoring_csv_imports" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "monitoring_ocr_scans_org_idx" ON "monitoring_ocr_scans" USING btree ("organization_id","created_at");