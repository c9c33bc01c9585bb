import { constraintError, type UniqueRule } from "../shared/db-errors.ts";
import { fieldConflict } from "../shared/errors.ts";

/** Unique constraints of the network tables and the error each one means to the user. */
const uniqueConstraints = {
  organisations_slug_unique: { code: "duplicate_slug", field: "slug", messageId: "error.duplicate_slug" },
  organisations_name_lower_idx: { code: "duplicate_name", field: "name", messageId: "error.duplicate_name" },
  centres_ordinal_unique: { code: "conflict", field: "ordinal", messageId: "network.field.ordinalTaken" },
  memberships_centre_organisation_key: { code: "conflict", field: "organisationId", messageId: "network.field.alreadyMember" },
  governance_terms_presidency_year_key: { code: "conflict", field: "year", messageId: "network.field.presidencyTaken" },
} satisfies Record<string, UniqueRule>;

export type UniqueConstraint = keyof typeof uniqueConstraints;

/** The 409 for a value that must be unique, with the field to correct. */
export function uniqueViolation(constraint: UniqueConstraint) {
  const { code, field, messageId } = uniqueConstraints[constraint];
  return fieldConflict(field, messageId, undefined, code);
}

export const translateConstraintError = (error: unknown) => constraintError(error, uniqueConstraints);
