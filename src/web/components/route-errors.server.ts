import { data } from "react-router";
import { isDomainError } from "../../domain/shared/errors.ts";

/**
 * A domain error in a loader becomes an error response the route's boundary shows translated
 * (403, 404, ...); a malformed slug is simply a page that does not exist.
 */
export function toErrorResponse(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  if (error.code === "validation_failed" || error.code === "not_found") return data({ code: "not_found" }, { status: 404 });
  return data({ code: error.code }, { status: error.status });
}
