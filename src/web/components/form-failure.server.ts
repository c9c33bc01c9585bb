import { data } from "react-router";
import type { Locale } from "../../i18n/locales.ts";
import { actionFailure } from "../action-errors.server.ts";

/**
 * actionFailure() plus what the user typed, so the form comes back filled in, not blank; `intent`
 * names which of a page's forms failed.
 */
export function failureWithValues<V>(error: unknown, locale: Locale, values: V, intent?: string) {
  const failure = actionFailure(error, locale);
  return data({ ...failure.data, values, intent }, failure.init ?? undefined);
}
