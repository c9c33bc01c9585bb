-- Tables made after 0019_content_version get its trigger here (see that migration): every table
-- without it, except email verifications (personal; no public page reads them).
DO $$
DECLARE t text;
BEGIN
	FOR t IN
		SELECT p.tablename FROM pg_tables p
		WHERE p.schemaname = current_schema()
			AND p.tablename NOT IN ('content_versions', 'sessions', 'api_tokens', 'login_failures', 'password_resets',
				'mail_outbox', 'lesson_progress', 'quiz_attempts', 'event_check_in_attempts', 'event_calendar_feeds',
				'email_verifications')
			AND NOT EXISTS (
				SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
				WHERE c.relname = p.tablename AND g.tgname = 'content_version' AND NOT g.tgisinternal
			)
	LOOP
		EXECUTE format('CREATE TRIGGER "content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "orbis_bump_content_version"()', t);
	END LOOP;
END
$$;
