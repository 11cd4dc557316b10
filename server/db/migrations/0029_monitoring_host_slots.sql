CREATE TABLE "monitoring_host_slots" (
	"host" text PRIMARY KEY NOT NULL,
	"next_start" timestamp with time zone NOT NULL
);
