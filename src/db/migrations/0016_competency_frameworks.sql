CREATE TABLE "competency_alignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"level_id" uuid,
	"target" text NOT NULL,
	"course_id" uuid,
	"lesson_id" uuid,
	"question_id" uuid,
	"programme_id" uuid,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competency_alignments_one_target_check" CHECK (num_nonnulls("competency_alignments"."course_id", "competency_alignments"."lesson_id", "competency_alignments"."question_id", "competency_alignments"."programme_id", "competency_alignments"."event_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "competency_associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"type" text NOT NULL,
	"origin_item_id" uuid NOT NULL,
	"destination_item_id" uuid,
	"destination_identifier" text,
	"destination_uri" text,
	"destination_title" text,
	"sequence_number" integer,
	CONSTRAINT "competency_associations_identifier_key" UNIQUE("framework_id","identifier"),
	CONSTRAINT "competency_associations_destination_check" CHECK ("competency_associations"."destination_item_id" is not null or "competency_associations"."destination_identifier" is not null)
);
--> statement-breakpoint
CREATE TABLE "competency_framework_texts" (
	"framework_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "competency_framework_texts_framework_id_locale_pk" PRIMARY KEY("framework_id","locale")
);
--> statement-breakpoint
CREATE TABLE "competency_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"slug" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"creator" text NOT NULL,
	"publisher" text,
	"licence" text,
	"licence_uri" text,
	"official_source_url" text,
	"default_locale" text NOT NULL,
	"previous_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "competency_frameworks_identifier_unique" UNIQUE("identifier"),
	CONSTRAINT "competency_frameworks_slug_version_key" UNIQUE("slug","version"),
	CONSTRAINT "competency_frameworks_version_check" CHECK ("competency_frameworks"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "competency_item_texts" (
	"item_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "competency_item_texts_item_id_locale_pk" PRIMARY KEY("item_id","locale")
);
--> statement-breakpoint
CREATE TABLE "competency_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"code" text,
	"position" integer NOT NULL,
	"level_id" uuid,
	CONSTRAINT "competency_items_identifier_key" UNIQUE("framework_id","identifier")
);
--> statement-breakpoint
CREATE TABLE "competency_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "competency_levels_code_key" UNIQUE("framework_id","code"),
	CONSTRAINT "competency_levels_identifier_key" UNIQUE("framework_id","identifier")
);
--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_item_id_competency_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_level_id_competency_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."competency_levels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_question_id_quiz_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_alignments" ADD CONSTRAINT "competency_alignments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_associations" ADD CONSTRAINT "competency_associations_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_associations" ADD CONSTRAINT "competency_associations_origin_item_id_competency_items_id_fk" FOREIGN KEY ("origin_item_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_associations" ADD CONSTRAINT "competency_associations_destination_item_id_competency_items_id_fk" FOREIGN KEY ("destination_item_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_framework_texts" ADD CONSTRAINT "competency_framework_texts_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_frameworks" ADD CONSTRAINT "competency_frameworks_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_frameworks" ADD CONSTRAINT "competency_frameworks_previous_version_id_competency_frameworks_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_item_texts" ADD CONSTRAINT "competency_item_texts_item_id_competency_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_items" ADD CONSTRAINT "competency_items_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_items" ADD CONSTRAINT "competency_items_parent_id_competency_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."competency_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_items" ADD CONSTRAINT "competency_items_level_id_competency_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."competency_levels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_levels" ADD CONSTRAINT "competency_levels_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competency_alignments_target_key" ON "competency_alignments" USING btree ("item_id","target",coalesce("course_id", "lesson_id", "question_id", "programme_id", "event_id"));--> statement-breakpoint
CREATE INDEX "competency_alignments_course_idx" ON "competency_alignments" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "competency_alignments_programme_idx" ON "competency_alignments" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "competency_associations_destination_idx" ON "competency_associations" USING btree ("destination_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_one_draft_idx" ON "competency_frameworks" USING btree ("slug") WHERE "competency_frameworks"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "competency_frameworks_owner_idx" ON "competency_frameworks" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "competency_items_framework_idx" ON "competency_items" USING btree ("framework_id","parent_id","position");