CREATE TABLE "media_contract_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_contract_journalists" (
	"contract_id" uuid NOT NULL,
	"journalist_id" uuid NOT NULL,
	CONSTRAINT "media_contract_journalists_contract_id_journalist_id_pk" PRIMARY KEY("contract_id","journalist_id")
);
--> statement-breakpoint
CREATE TABLE "media_contract_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'belum' NOT NULL,
	"paid_on" date,
	"eligibility" jsonb,
	"override_reason" text,
	"override_by" uuid,
	"override_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"outlet_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"number" text NOT NULL,
	"form_code" text NOT NULL,
	"form_label" text NOT NULL,
	"form_category" text NOT NULL,
	"title" text NOT NULL,
	"value_rupiah" bigint NOT NULL,
	"quota" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"budget_line" text NOT NULL,
	"status" text DEFAULT 'aktif' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"override_reason" text,
	"override_by" uuid,
	"override_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_cooperation_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_deliverables" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"link" text,
	"clipping_key" text,
	"clipping_name" text,
	"clipping_mime" text,
	"screenshot_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_eligibility_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issue_sla_settings" (
	"organization_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"hours" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_issue_content" (
	"issue_id" uuid NOT NULL,
	"content_item_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_issue_content_issue_id_content_item_id_pk" PRIMARY KEY("issue_id","content_item_id")
);
--> statement-breakpoint
CREATE TABLE "media_issue_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issue_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"opened_by_organization_id" uuid NOT NULL,
	"suggested_organization_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'baru' NOT NULL,
	"assignee_id" uuid,
	"source_kind" text NOT NULL,
	"source_article_id" uuid,
	"source_cluster_id" uuid,
	"source_alert_id" uuid,
	"source_url" text,
	"article_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sla_hours" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"event_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_deliveries_event_id_channel_pk" PRIMARY KEY("event_id","channel")
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"dedup_key" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"url" text,
	"article_id" uuid,
	"cluster_id" uuid,
	"mentioned_organization_id" uuid,
	"explanation" jsonb,
	"held_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"telegram_token_sealed" text,
	"webhook_secret_sealed" text,
	"dedup_minutes" integer DEFAULT 360 NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"last_spike_hour" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_sends" (
	"organization_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"local_time" text DEFAULT '07:00' NOT NULL,
	"recipient_user_ids" uuid[] NOT NULL,
	"extra_emails" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_event_coverage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"outlet_id" uuid,
	"outlet_name" text,
	"published_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_event_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"journalist_id" uuid,
	"guest_name" text NOT NULL,
	"guest_outlet" text,
	"walk_in" boolean DEFAULT false NOT NULL,
	"rsvp" text,
	"rsvp_crew" integer,
	"rsvp_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"emailed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_address" text NOT NULL,
	"place_map_url" text,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"organizer_officer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"held_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_contract_documents" ADD CONSTRAINT "media_contract_documents_contract_id_media_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."media_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_contract_journalists" ADD CONSTRAINT "media_contract_journalists_contract_id_media_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."media_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_contract_journalists" ADD CONSTRAINT "media_contract_journalists_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_contract_terms" ADD CONSTRAINT "media_contract_terms_contract_id_media_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."media_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_contracts" ADD CONSTRAINT "media_contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_contracts" ADD CONSTRAINT "media_contracts_outlet_id_media_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."media_outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_cooperation_forms" ADD CONSTRAINT "media_cooperation_forms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_deliverables" ADD CONSTRAINT "media_deliverables_contract_id_media_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."media_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_eligibility_rules" ADD CONSTRAINT "media_eligibility_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_sla_settings" ADD CONSTRAINT "issue_sla_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issue_content" ADD CONSTRAINT "media_issue_content_issue_id_media_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."media_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issue_content" ADD CONSTRAINT "media_issue_content_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issue_events" ADD CONSTRAINT "media_issue_events_issue_id_media_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."media_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issues" ADD CONSTRAINT "media_issues_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issues" ADD CONSTRAINT "media_issues_opened_by_organization_id_organizations_id_fk" FOREIGN KEY ("opened_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issues" ADD CONSTRAINT "media_issues_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_issues" ADD CONSTRAINT "media_issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_event_id_alert_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."alert_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sends" ADD CONSTRAINT "briefing_sends_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_settings" ADD CONSTRAINT "briefing_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_event_coverage" ADD CONSTRAINT "press_event_coverage_event_id_press_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."press_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_event_coverage" ADD CONSTRAINT "press_event_coverage_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_event_invitations" ADD CONSTRAINT "press_event_invitations_event_id_press_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."press_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_event_invitations" ADD CONSTRAINT "press_event_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_events" ADD CONSTRAINT "press_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_contract_documents_contract_idx" ON "media_contract_documents" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "media_contract_terms_contract_idx" ON "media_contract_terms" USING btree ("contract_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "media_contracts_org_number_uq" ON "media_contracts" USING btree ("organization_id","fiscal_year","number");--> statement-breakpoint
CREATE INDEX "media_contracts_org_year_idx" ON "media_contracts" USING btree ("organization_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "media_contracts_outlet_idx" ON "media_contracts" USING btree ("outlet_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "media_cooperation_forms_org_idx" ON "media_cooperation_forms" USING btree ("organization_id","position");--> statement-breakpoint
CREATE INDEX "media_deliverables_contract_idx" ON "media_deliverables" USING btree ("contract_id","published_on");--> statement-breakpoint
CREATE INDEX "media_eligibility_rules_org_idx" ON "media_eligibility_rules" USING btree ("organization_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "issue_sla_settings_org_sev_idx" ON "issue_sla_settings" USING btree ("organization_id","severity");--> statement-breakpoint
CREATE INDEX "media_issue_events_issue_idx" ON "media_issue_events" USING btree ("issue_id","at");--> statement-breakpoint
CREATE INDEX "media_issues_org_status_idx" ON "media_issues" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "media_issues_due_idx" ON "media_issues" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "media_issues_assignee_idx" ON "media_issues" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "alert_deliveries_org_idx" ON "alert_deliveries" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "alert_events_org_idx" ON "alert_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_events_dedup_idx" ON "alert_events" USING btree ("rule_id","dedup_key","created_at");--> statement-breakpoint
CREATE INDEX "alert_events_held_idx" ON "alert_events" USING btree ("held_until");--> statement-breakpoint
CREATE INDEX "alert_rules_org_idx" ON "alert_rules" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_sends_org_day_idx" ON "briefing_sends" USING btree ("organization_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "press_event_coverage_url_uq" ON "press_event_coverage" USING btree ("event_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "press_event_invitations_journalist_uq" ON "press_event_invitations" USING btree ("event_id","journalist_id") WHERE "press_event_invitations"."journalist_id" is not null;--> statement-breakpoint
CREATE INDEX "press_event_invitations_event_idx" ON "press_event_invitations" USING btree ("event_id","guest_name");--> statement-breakpoint
CREATE INDEX "press_event_invitations_journalist_idx" ON "press_event_invitations" USING btree ("journalist_id");--> statement-breakpoint
CREATE INDEX "press_events_org_start_idx" ON "press_events" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "press_events_organizers_idx" ON "press_events" USING gin ("organizer_officer_ids");