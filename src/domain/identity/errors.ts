import type { MessageId } from "../../i18n/messages/index.ts";
import { FOREIGN_KEY_VIOLATION, pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, fieldConflict, fieldError } from "../shared/errors.ts";

/** A 400 on one field. Identity's field issues carry the code "validation_failed", as the API has always answered. */
export function invalidField(path: string, messageId: MessageId): DomainError {
  return new DomainError("validation_failed", 400, {}, [{ path, code: "validation_failed", messageId }]);
}

/** A taken address (in any letter case). */
export const duplicateEmail = () => fieldConflict("email", "error.duplicate_email", undefined, "duplicate_email");

/** A role scoped to an organisation that does not exist is the caller's mistake, not a server fault. */
export function unknownOrganisationError(error: unknown, path: string): unknown {
  if (pgErrorOf(error)?.code !== FOREIGN_KEY_VIOLATION) return error;
  return fieldError(path, "error.unknown_organisation");
}
