CREATE INDEX "event_registrations_attended_idx" ON "event_registrations" USING btree ("user_id") WHERE "event_registrations"."attended_at" is not null;--> statement-breakpoint
CREATE INDEX "cohort_participants_institution_idx" ON "cohort_participants" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "nominations_institution_idx" ON "nominations" USING btree ("institution_id");