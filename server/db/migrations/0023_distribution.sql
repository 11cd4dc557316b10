CREATE TABLE "contact_list_members" (
	"list_id" uuid NOT NULL,
	"journalist_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_list_members_list_id_journalist_id_pk" PRIMARY KEY("list_id","journalist_id")
);
--> statement-breakpoint
CREATE TABLE "contact_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distribution_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"journalist_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"smtp_response" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"reply_to" text,
	"open_tracking" boolean DEFAULT false NOT NULL,
	"max_attachment_mb" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_unsubscribes" (
	"organization_id" uuid NOT NULL,
	"email_key" text NOT NULL,
	"source" text NOT NULL,
	"recipient_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_unsubscribes_organization_id_email_key_pk" PRIMARY KEY("organization_id","email_key")
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"list_ids" uuid[] NOT NULL,
	"list_names" text[] NOT NULL,
	"subject" text NOT NULL,
	"reply_to" text,
	"attach_photos" boolean NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"open_tracking" boolean NOT NULL,
	"message" jsonb NOT NULL,
	"attachment_ids" uuid[] NOT NULL,
	"total" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_list_members" ADD CONSTRAINT "contact_list_members_list_id_contact_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."contact_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_list_members" ADD CONSTRAINT "contact_list_members_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_lists" ADD CONSTRAINT "contact_lists_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_settings" ADD CONSTRAINT "distribution_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_unsubscribes" ADD CONSTRAINT "distribution_unsubscribes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_list_members_journalist_idx" ON "contact_list_members" USING btree ("journalist_id");--> statement-breakpoint
CREATE INDEX "contact_lists_org_idx" ON "contact_lists" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_recipients_email_idx" ON "distribution_recipients" USING btree ("distribution_id","email_key");--> statement-breakpoint
CREATE INDEX "distribution_recipients_status_idx" ON "distribution_recipients" USING btree ("distribution_id","status");--> statement-breakpoint
CREATE INDEX "distribution_recipients_due_idx" ON "distribution_recipients" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "distribution_recipients_message_idx" ON "distribution_recipients" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "distributions_content_idx" ON "distributions" USING btree ("content_id","created_at");--> statement-breakpoint
CREATE INDEX "distributions_org_idx" ON "distributions" USING btree ("organization_id","created_at");