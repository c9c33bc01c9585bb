CREATE TABLE "certification_alignments" (
	"certification_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "certification_alignments_certification_id_item_id_pk" PRIMARY KEY("certification_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "certification_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source" text NOT NULL,
	"issued_by_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"status_changed_by_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"credential_id" text,
	CONSTRAINT "certification_awards_cycle_key" UNIQUE("certification_id","user_id","cycle"),
	CONSTRAINT "certification_awards_cycle_check" CHECK ("certification_awards"."cycle" >= 1)
);
--> statement-breakpoint
CREATE TABLE "certification_bulk_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certification_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"emails" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certification_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certification_id" uuid NOT NULL,
	"condition_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"assessor_id" uuid,
	"scores" jsonb,
	"comment" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "certification_texts" (
	"certification_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"criteria" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "certification_texts_certification_id_locale_pk" PRIMARY KEY("certification_id","locale")
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"default_locale" text NOT NULL,
	"rules" jsonb NOT NULL,
	"validity_months" integer,
	"reminder_days" integer DEFAULT 30 NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certifications_slug_unique" UNIQUE("slug"),
	CONSTRAINT "certifications_validity_check" CHECK ("certifications"."validity_months" is null or "certifications"."validity_months" >= 1),
	CONSTRAINT "certifications_reminder_check" CHECK ("certifications"."reminder_days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "certification_alignments" ADD CONSTRAINT "certification_alignments_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_alignments" ADD CONSTRAINT "certification_alignments_item_id_competency_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_status_changed_by_id_users_id_fk" FOREIGN KEY ("status_changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_bulk_uploads" ADD CONSTRAINT "certification_bulk_uploads_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_bulk_uploads" ADD CONSTRAINT "certification_bulk_uploads_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_bulk_uploads" ADD CONSTRAINT "certification_bulk_uploads_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_evidence" ADD CONSTRAINT "certification_evidence_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_evidence" ADD CONSTRAINT "certification_evidence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_evidence" ADD CONSTRAINT "certification_evidence_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_texts" ADD CONSTRAINT "certification_texts_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certification_awards_user_idx" ON "certification_awards" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "certification_awards_valid_until_idx" ON "certification_awards" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "certification_evidence_queue_idx" ON "certification_evidence" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "certification_evidence_user_idx" ON "certification_evidence" USING btree ("user_id","certification_id");--> statement-breakpoint
CREATE INDEX "certifications_owner_idx" ON "certifications" USING btree ("owner_organisation_id");