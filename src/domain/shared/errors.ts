/**
 * Domain errors carry a stable code (also the i18n message id `error.<code>`), an HTTP-like
 * status and parameters for the message. One mapper in http/ and one in web/ translate them.
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
  | "derivatives_forbidden";

export type FieldIssue = { path: string; code: string; message: string };

/**
 * Recognises domain errors across copies of this module: the UI's server build bundles its own
 * copy, so `instanceof` alone misses errors thrown by the services the server hands to loaders.
 */
const domainErrorBrand = Symbol.for("orbis.DomainError");

export class DomainError extends Error {
  readonly [domainErrorBrand] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly fields: FieldIssue[];

  constructor(code: ErrorCode, status: number, params: Record<string, string | number> = {}, fields: FieldIssue[] = []) {
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
export const conflict = (code: ErrorCode, params: Record<string, string | number> = {}) => new DomainError(code, 409, params);

export function isDomainError(error: unknown): error is DomainError {
  return typeof error === "object" && error !== null && (error as { [domainErrorBrand]?: unknown })[domainErrorBrand] === true;
}
