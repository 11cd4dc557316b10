CREATE TABLE "journalist_interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"journalist_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"text" text NOT NULL,
	"link" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journalist_memberships" (
	"journalist_id" uuid NOT NULL,
	"outlet_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "journalist_memberships_journalist_id_outlet_id_role_pk" PRIMARY KEY("journalist_id","outlet_id","role")
);
--> statement-breakpoint
CREATE TABLE "journalists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"beats" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text,
	"ukw_level" text,
	"ukw_certificate_number" text,
	"ukw_certificate_date" date,
	"email" text,
	"phone" text,
	"whatsapp" text,
	"consent" jsonb,
	"notes" text,
	"erased_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_outlet_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outlet_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_outlets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"company" text,
	"type" text NOT NULL,
	"region_code" text,
	"address" text,
	"website" text,
	"website_domain" text,
	"social_accounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dewan_pers_status" text DEFAULT 'tidak_terdaftar' NOT NULL,
	"certificate_number" text,
	"certificate_date" date,
	"certificate_expires_on" date,
	"reach" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"merged_into_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_relations_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"certificate_warning_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outlet_grading_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"position" integer NOT NULL,
	"dewan_pers_statuses" text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journalist_interactions" ADD CONSTRAINT "journalist_interactions_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_memberships" ADD CONSTRAINT "journalist_memberships_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_memberships" ADD CONSTRAINT "journalist_memberships_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalists" ADD CONSTRAINT "journalists_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_outlet_documents" ADD CONSTRAINT "media_outlet_documents_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_outlets" ADD CONSTRAINT "media_outlets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_relations_settings" ADD CONSTRAINT "media_relations_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_grading_rules" ADD CONSTRAINT "outlet_grading_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journalist_interactions_journalist_idx" ON "journalist_interactions" USING btree ("journalist_id","occurred_on");--> statement-breakpoint
CREATE INDEX "journalist_memberships_outlet_idx" ON "journalist_memberships" USING btree ("outlet_id","role");--> statement-breakpoint
CREATE INDEX "journalists_org_name_idx" ON "journalists" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "journalists_org_email_idx" ON "journalists" USING btree ("organization_id","email");--> statement-breakpoint
CREATE INDEX "journalists_org_phone_idx" ON "journalists" USING btree ("organization_id","phone");--> statement-breakpoint
CREATE INDEX "journalists_ukw_idx" ON "journalists" USING btree ("organization_id","ukw_level");--> statement-breakpoint
CREATE INDEX "journalists_region_idx" ON "journalists" USING btree ("organization_id","region_code");--> statement-breakpoint
CREATE INDEX "journalists_beats_idx" ON "journalists" USING gin ("beats");--> statement-breakpoint
CREATE INDEX "media_outlet_documents_outlet_idx" ON "media_outlet_documents" USING btree ("outlet_id");--> statement-breakpoint
CREATE INDEX "media_outlets_org_name_idx" ON "media_outlets" USING btree ("organization_id","name_key");--> statement-breakpoint
CREATE INDEX "media_outlets_org_domain_idx" ON "media_outlets" USING btree ("organization_id","website_domain");--> statement-breakpoint
CREATE INDEX "media_outlets_expiry_idx" ON "media_outlets" USING btree ("certificate_expires_on");--> statement-breakpoint
CREATE INDEX "outlet_grading_rules_org_idx" ON "outlet_grading_rules" USING btree ("organization_id","position");