CREATE TABLE "event_check_in_attempts" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_check_in_attempts_key_window_start_pk" PRIMARY KEY("key","window_start")
);
