import { data } from "react-router";
import { isDomainError } from "../domain/shared/errors.ts";
import { translateError } from "../i18n/error-messages.ts";
import type { Locale } from "../i18n/locales.ts";

export type ActionFailure = { ok: false; formError: string; fields: Record<string, string> };

/**
 * Turns a domain error thrown in an action into translated form feedback with the right status,
 * so the page re-renders with the user's input and messages next to the fields; anything else is rethrown.
 */
export function actionFailure(error: unknown, locale: Locale) {
  if (!isDomainError(error)) throw error;
  const translated = translateError(error, locale);
  const fields: Record<string, string> = {};
  for (const issue of translated.fields) fields[issue.path] ??= issue.message;
  const body: ActionFailure = { ok: false, formError: translated.message, fields };
  return data(body, { status: error.status });
}
