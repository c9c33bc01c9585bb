import { type DomainError, isDomainError } from "../../src/domain/shared/errors.ts";

/** The DomainError a call is expected to fail with; anything else (success, a crash) fails the test. */
export async function failure(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail with a DomainError");
}
