ALTER TABLE "event_registrations" ADD COLUMN "affiliation" text;--> statement-breakpoint
CREATE INDEX "event_registrations_affiliation_idx" ON "event_registrations" USING btree ("organisation_id") WHERE "event_registrations"."affiliation" = 'pending';--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_affiliation_check" CHECK ("event_registrations"."affiliation" is null or "event_registrations"."affiliation" in ('confirmed', 'pending', 'declined'));--> statement-breakpoint
-- Registrations already made in an organisation's name: confirmed when the person holds a role there, else its administrators decide.
UPDATE "event_registrations" r SET "affiliation" = CASE WHEN EXISTS (
  SELECT 1 FROM "role_assignments" a WHERE a."user_id" = r."user_id" AND a."organisation_id" = r."organisation_id"
) THEN 'confirmed' ELSE 'pending' END WHERE r."organisation_id" IS NOT NULL;
