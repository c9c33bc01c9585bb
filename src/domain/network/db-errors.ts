import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, type ErrorCode } from "../shared/errors.ts";

/** Unique constraints of the network tables and the error each one means to the user. */
const uniqueConstraints = {
  organisations_slug_unique: { code: "duplicate_slug", field: "slug", message: "error.duplicate_slug" },
  organisations_name_lower_idx: { code: "duplicate_name", field: "name", message: "error.duplicate_name" },
  centres_ordinal_unique: { code: "conflict", field: "ordinal", message: "network.field.ordinalTaken" },
  memberships_centre_organisation_key: { code: "conflict", field: "organisationId", message: "network.field.alreadyMember" },
  governance_terms_presidency_year_key: { code: "conflict", field: "year", message: "network.field.presidencyTaken" },
} satisfies Record<string, { code: ErrorCode; field: string; message: MessageId }>;

export type UniqueConstraint = keyof typeof uniqueConstraints;

/** The 409 for a value that must be unique, with the field to correct. */
export function uniqueViolation(constraint: UniqueConstraint, locale: Locale): DomainError {
  const { code, field, message } = uniqueConstraints[constraint];
  return new DomainError(code, 409, {}, [{ path: field, code, message: translatorFor(locale)(message) }]);
}

/**
 * Turns a constraint violation into the DomainError a user can act on: the database is the
 * arbiter of uniqueness and references, so concurrent writers get the same answer as a pre-check.
 */
export function translateConstraintError(error: unknown, locale: Locale): unknown {
  const pg = pgErrorOf(error);
  if (!pg) return error;
  if (pg.code === "23505" && pg.constraint && pg.constraint in uniqueConstraints) {
    return uniqueViolation(pg.constraint as UniqueConstraint, locale);
  }
  // A row still referenced elsewhere (restricting foreign keys): it is in use.
  if (pg.code === "23503") return new DomainError("in_use", 409);
  return error;
}

export function fieldError(path: string, message: MessageId, locale: Locale): DomainError {
  return new DomainError("validation_failed", 400, {}, [{ path, code: "custom", message: translatorFor(locale)(message) }]);
}
