-- The content version of the anonymous page cache (src/http/content-version.ts, decision 0017).
-- Every statement that writes a table public pages are made from adds one to its connection's
-- row here, in the writer's own transaction, so the sum of the rows grows exactly when such a
-- write commits. One row per server connection (backend pid), not one per table or one in all:
-- a connection runs one transaction at a time, so no two writers ever wait on the same row or
-- lock two of them in opposite orders (a 2,000-registration burst stays as parallel as before).
-- Rows only grow, so the sum never goes back to a value an older page was cached under.
CREATE TABLE "content_versions" (
	"backend" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "orbis_bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "content_versions" ("backend", "version") VALUES (pg_backend_pid(), 1)
	ON CONFLICT ("backend") DO UPDATE SET "version" = "content_versions"."version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every table except those no anonymous page reads (sessions, credentials, login limits, mail,
-- a learner's own progress and attempts, check-in attempts, calendar feed secrets). A table added
-- later gets its trigger in its own migration (tests/api/page-cache.int.test.ts fails until then).
DO $$
DECLARE t text;
BEGIN
	FOR t IN
		SELECT tablename FROM pg_tables
		WHERE schemaname = current_schema()
			AND tablename NOT IN ('content_versions', 'sessions', 'api_tokens', 'login_failures', 'password_resets',
				'mail_outbox', 'lesson_progress', 'quiz_attempts', 'event_check_in_attempts', 'event_calendar_feeds')
	LOOP
		EXECUTE format('CREATE TRIGGER "content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "orbis_bump_content_version"()', t);
	END LOOP;
END
$$;
