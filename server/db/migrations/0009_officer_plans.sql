CREATE TABLE "officer_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"officer_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"hasil_kerja_type_id" uuid NOT NULL,
	"target" integer NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "officer_plans" ADD CONSTRAINT "officer_plans_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_plans" ADD CONSTRAINT "officer_plans_hasil_kerja_type_id_hasil_kerja_types_id_fk" FOREIGN KEY ("hasil_kerja_type_id") REFERENCES "public"."hasil_kerja_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "officer_plans_uq" ON "officer_plans" USING btree ("officer_id","year","hasil_kerja_type_id");