import { isDomainError } from "../../src/domain/shared/errors.ts";
import { translateError } from "../../src/i18n/error-messages.ts";
import type { Locale } from "../../src/i18n/locales.ts";

/**
 * A refused service call as its caller reads it: status, code, and the messages in `locale`
 * (services name messages; the HTTP layer and the UI translate them, as here).
 */
export async function refusal(call: Promise<unknown>, locale: Locale = "en") {
  try {
    await call;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const { message, fields } = translateError(error, locale);
    return { status: error.status, code: error.code, message, fields };
  }
  throw new Error("expected the call to be refused");
}
