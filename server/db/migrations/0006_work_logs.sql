CREATE TABLE "work_log_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_log_id" uuid NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_log_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_log_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_key" text,
	"file_name" text,
	"mime" text,
	"size_bytes" bigint,
	"url" text,
	"ref_type" text,
	"ref_id" text,
	"label" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"hasil_kerja_type_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_log_events" ADD CONSTRAINT "work_log_events_work_log_id_work_logs_id_fk" FOREIGN KEY ("work_log_id") REFERENCES "public"."work_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_evidence" ADD CONSTRAINT "work_log_evidence_work_log_id_work_logs_id_fk" FOREIGN KEY ("work_log_id") REFERENCES "public"."work_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_logs" ADD CONSTRAINT "work_logs_hasil_kerja_type_id_hasil_kerja_types_id_fk" FOREIGN KEY ("hasil_kerja_type_id") REFERENCES "public"."hasil_kerja_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_log_events_idx" ON "work_log_events" USING btree ("work_log_id","created_at");--> statement-breakpoint
CREATE INDEX "evidence_log_idx" ON "work_log_evidence" USING btree ("work_log_id");--> statement-breakpoint
CREATE INDEX "work_logs_officer_idx" ON "work_logs" USING btree ("officer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "work_logs_queue_idx" ON "work_logs" USING btree ("submitted_at") WHERE "work_logs"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "work_logs_queue_officer_idx" ON "work_logs" USING btree ("officer_id") WHERE "work_logs"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "work_logs_org_idx" ON "work_logs" USING btree ("organization_id","occurred_at");