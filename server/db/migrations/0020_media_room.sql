CREATE TABLE "embargo_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"what" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"embargo_until" timestamp with time zone NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journalist_account_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journalist_account_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "journalist_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"journalist_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"outlet" text NOT NULL,
	"role" text NOT NULL,
	"press_card_number" text NOT NULL,
	"phone" text NOT NULL,
	"password_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journalist_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "journalist_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "journalist_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journalist_subscriptions_uq" UNIQUE("account_id","kind","value")
);
--> statement-breakpoint
ALTER TABLE "embargo_views" ADD CONSTRAINT "embargo_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embargo_views" ADD CONSTRAINT "embargo_views_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embargo_views" ADD CONSTRAINT "embargo_views_account_id_journalist_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."journalist_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_account_tokens" ADD CONSTRAINT "journalist_account_tokens_account_id_journalist_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."journalist_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_accounts" ADD CONSTRAINT "journalist_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_accounts" ADD CONSTRAINT "journalist_accounts_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_accounts" ADD CONSTRAINT "journalist_accounts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_sessions" ADD CONSTRAINT "journalist_sessions_account_id_journalist_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."journalist_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journalist_subscriptions" ADD CONSTRAINT "journalist_subscriptions_account_id_journalist_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."journalist_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "embargo_views_content_idx" ON "embargo_views" USING btree ("content_id","viewed_at");--> statement-breakpoint
CREATE INDEX "embargo_views_org_idx" ON "embargo_views" USING btree ("organization_id","viewed_at");--> statement-breakpoint
CREATE INDEX "embargo_views_account_idx" ON "embargo_views" USING btree ("account_id","viewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "journalist_accounts_email_idx" ON "journalist_accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "journalist_accounts_org_status_idx" ON "journalist_accounts" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "journalist_sessions_account_idx" ON "journalist_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "journalist_subscriptions_value_idx" ON "journalist_subscriptions" USING btree ("kind","value");