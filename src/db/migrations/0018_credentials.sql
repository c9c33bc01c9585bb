CREATE TABLE "credential_job_cursors" (
	"job" text PRIMARY KEY NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"enrolment_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"public_key_multibase" text NOT NULL,
	"encrypted_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "credential_keys_publicKeyMultibase_unique" UNIQUE("public_key_multibase")
);
--> statement-breakpoint
CREATE TABLE "credential_status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"revocation_credential" jsonb,
	"suspension_credential" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_status_lists_size" CHECK ("credential_status_lists"."size" >= 131072)
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_key" text NOT NULL,
	"issuer_organisation_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"achievement_key" text NOT NULL,
	"achievement_type" text NOT NULL,
	"name" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"status_list_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"public" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credentials_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "credentials_status_slot_unique" UNIQUE("status_list_id","status_index")
);
--> statement-breakpoint
ALTER TABLE "credential_keys" ADD CONSTRAINT "credential_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_status_lists" ADD CONSTRAINT "credential_status_lists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_issuer_organisation_id_organisations_id_fk" FOREIGN KEY ("issuer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_list_id_credential_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."credential_status_lists"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credential_keys_active_unique" ON "credential_keys" USING btree ("organisation_id") WHERE "credential_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "credential_status_lists_org_idx" ON "credential_status_lists" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "credentials_recipient_idx" ON "credentials" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "credentials_issuer_idx" ON "credentials" USING btree ("issuer_organisation_id");