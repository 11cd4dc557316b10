CREATE TABLE "ak_jenjang_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jenjang" text NOT NULL,
	"koefisien" numeric(7, 3) NOT NULL,
	"ak_next_pangkat" numeric(8, 3) NOT NULL,
	"ak_next_jenjang" numeric(8, 3),
	"effective_from" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_predikat_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"predikat" text NOT NULL,
	"percent" numeric(6, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hasil_kerja_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kategori" text NOT NULL,
	"jenjang" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"examples" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hasil_kerja_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "officer_career_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text NOT NULL,
	"effective_date" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"start_month" text NOT NULL,
	"end_month" text NOT NULL,
	"jenjang" text NOT NULL,
	"predikat" text NOT NULL,
	"note" text,
	"rated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"nip" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"tmt_cpns" text NOT NULL,
	"sex" text NOT NULL,
	"kategori" text NOT NULL,
	"jenjang" text NOT NULL,
	"golongan" text NOT NULL,
	"tmt_jabatan" date NOT NULL,
	"tmt_pangkat" date NOT NULL,
	"supervisor_id" uuid,
	"education" text,
	"email" text,
	"phone" text,
	"ak_awal" numeric(9, 3) DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officers_nip_unique" UNIQUE("nip")
);
--> statement-breakpoint
ALTER TABLE "officer_career_events" ADD CONSTRAINT "officer_career_events_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_ratings" ADD CONSTRAINT "officer_ratings_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_supervisor_id_officers_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ak_jenjang_rules_uq" ON "ak_jenjang_rules" USING btree ("jenjang","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "ak_predikat_rules_uq" ON "ak_predikat_rules" USING btree ("predikat","effective_from");--> statement-breakpoint
CREATE INDEX "career_officer_idx" ON "officer_career_events" USING btree ("officer_id","effective_date");--> statement-breakpoint
CREATE INDEX "ratings_officer_idx" ON "officer_ratings" USING btree ("officer_id","start_month");--> statement-breakpoint
CREATE INDEX "officers_org_idx" ON "officers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "officers_supervisor_idx" ON "officers" USING btree ("supervisor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "officers_user_uq" ON "officers" USING btree ("user_id") WHERE "officers"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "officers_search_trgm_idx" ON "officers" USING gin (lower("name" || ' ' || "nip") gin_trgm_ops);