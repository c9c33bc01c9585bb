-- Hand-written (issue 10, item 13): every API token now ends. Tokens made without an end get
-- 90 days from this migration, so the next one can make the column NOT NULL.
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days' WHERE "expires_at" IS NULL;
