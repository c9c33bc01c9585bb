CREATE TABLE "cohort_withdrawals" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"institution_id" uuid,
	"withdrawn_by_id" uuid,
	"withdrawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_withdrawals_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "nominations" DROP CONSTRAINT "nominations_status_check";--> statement-breakpoint
ALTER TABLE "cohort_withdrawals" ADD CONSTRAINT "cohort_withdrawals_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_withdrawals" ADD CONSTRAINT "cohort_withdrawals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_withdrawals" ADD CONSTRAINT "cohort_withdrawals_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_withdrawals" ADD CONSTRAINT "cohort_withdrawals_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_withdrawals_user_idx" ON "cohort_withdrawals" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_status_check" CHECK ("nominations"."status" in ('pending', 'approved', 'declined', 'withdrawn'));