ALTER TABLE "events" ADD COLUMN "registered_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "events" SET "registered_count" = (SELECT count(*) FROM "event_registrations" r WHERE r."event_id" = "events"."id" AND r."status" = 'registered');
