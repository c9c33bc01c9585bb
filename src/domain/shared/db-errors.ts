import type { MessageId } from "../../i18n/messages/index.ts";
import { DomainError, type ErrorCode, fieldConflict } from "./errors.ts";

export type PgError = { code: string; constraint?: string };

/** The driver's error under Drizzle's wrapper (PGlite and node-postgres both carry SQLSTATE and constraint). */
export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgError;
    current = candidate.cause;
  }
  return null;
}

export const FOREIGN_KEY_VIOLATION = "23503";
export const UNIQUE_VIOLATION = "23505";

/** What a unique constraint's violation means to the person who caused it: the field to correct and why. */
export type UniqueRule = { code: ErrorCode; field: string; messageId: MessageId };

/**
 * Turns a constraint violation into the DomainError a person can act on: the database is the
 * arbiter of uniqueness and references, so concurrent writers get the same answer as a pre-check.
 * `unique` names the module's unique constraints; anything else is returned unchanged.
 */
export function constraintError(error: unknown, unique: Record<string, UniqueRule>): unknown {
  const pg = pgErrorOf(error);
  if (!pg) return error;
  const rule = pg.code === UNIQUE_VIOLATION && pg.constraint ? unique[pg.constraint] : undefined;
  if (rule) return fieldConflict(rule.field, rule.messageId, undefined, rule.code);
  // A row still referenced elsewhere (restricting foreign keys): it is in use.
  if (pg.code === FOREIGN_KEY_VIOLATION) return new DomainError("in_use", 409);
  return error;
}
