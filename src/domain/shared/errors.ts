import type { z } from "zod";
import type { MessageId } from "../../i18n/messages/index.ts";

/**
 * Domain errors carry a stable code (also the i18n message id `error.<code>`), an HTTP-like
 * status and parameters for the message, never translated text: the domain does not know who
 * reads. Only the HTTP error plugin and the UI's action helper translate them
 * (`src/i18n/error-messages.ts`), into the reader's language.
 */
export type ErrorCode =
  | "validation_failed"
  | "not_found"
  | "unauthenticated"
  | "forbidden"
  | "conflict"
  | "duplicate_name"
  | "duplicate_slug"
  | "duplicate_email"
  | "invalid_credentials"
  | "rate_limited"
  | "invalid_token"
  | "csrf_failed"
  | "in_use"
  | "already_enrolled"
  | "not_enrolled"
  | "no_attempts_left"
  | "already_registered"
  | "registration_closed"
  | "event_cancelled"
  | "payload_too_large"
  | "unsupported_media_type"
  | "course_published"
  | "wrong_status"
  | "derivatives_forbidden"
  | "token_scope"
  | "own_work"
  | "framework_not_draft";

export type MessageParams = Record<string, string | number>;

/**
 * What is wrong with one field: a message id and its parameters. `detail` keeps Zod's own issue
 * when no message of ours describes it, so it is translated with Zod's catalogue of that language.
 */
export type FieldIssue = { path: string; code: string; messageId: MessageId; params?: MessageParams; detail?: z.core.$ZodIssue };

/**
 * Recognises domain errors across copies of this module: the UI's server build bundles its own
 * copy, so `instanceof` alone misses errors thrown by the services the server hands to loaders.
 */
const domainErrorBrand = Symbol.for("orbis.DomainError");

export class DomainError extends Error {
  readonly [domainErrorBrand] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: MessageParams;
  readonly fields: FieldIssue[];

  constructor(code: ErrorCode, status: number, params: MessageParams = {}, fields: FieldIssue[] = []) {
    super(code);
    this.code = code;
    this.status = status;
    this.params = params;
    this.fields = fields;
  }
}

export const notFound = (what: string) => new DomainError("not_found", 404, { what });
export const forbidden = () => new DomainError("forbidden", 403);
export const unauthenticated = () => new DomainError("unauthenticated", 401);
export const conflict = (code: ErrorCode, params: MessageParams = {}) => new DomainError(code, 409, params);

/** A 400 naming the field to correct and why. */
export function fieldError(path: string, messageId: MessageId, params?: MessageParams): DomainError {
  return new DomainError("validation_failed", 400, {}, [{ path, code: "custom", messageId, params }]);
}

/** A 409 naming the field whose value clashes with what is stored (a taken slug, a full cohort). */
export function fieldConflict(path: string, messageId: MessageId, params?: MessageParams, code: ErrorCode = "conflict"): DomainError {
  return new DomainError(code, 409, {}, [{ path, code, messageId, params }]);
}

export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as { [domainErrorBrand]?: unknown })[domainErrorBrand] === true;
}
