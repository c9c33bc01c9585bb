import { z } from "zod";
import type { FieldIssue, MessageParams } from "../domain/shared/errors.ts";
import type { Locale } from "./locales.ts";
import type { MessageId } from "./messages/index.ts";
import { translatorFor } from "./translator.server.ts";

const zodLocales: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  fr: z.locales.fr,
  es: z.locales.es,
  ru: z.locales.ru,
  zh: z.locales.zhCN,
  ar: z.locales.ar,
};

const zodMaps = new Map<Locale, z.core.$ZodErrorMap>();
function zodMapOf(locale: Locale): z.core.$ZodErrorMap {
  let map = zodMaps.get(locale);
  if (!map) {
    map = zodLocales[locale]().localeError;
    zodMaps.set(locale, map);
  }
  return map;
}

export type TranslatedField = { path: string; code: string; message: string };

/** One field issue in the reader's language: our message, or Zod's own translation of its issue. */
export function fieldMessage(issue: FieldIssue, locale: Locale): string {
  if (issue.detail) {
    const translated = zodMapOf(locale)(issue.detail as Parameters<z.core.$ZodErrorMap>[0]);
    const text = typeof translated === "string" ? translated : translated?.message;
    if (text) return text;
  }
  return translatorFor(locale)(issue.messageId, issue.params);
}

/**
 * A domain error as the reader should hear it. The one translation step for errors: the HTTP
 * error plugin and the UI's action helper both call it, the domain never does.
 */
export function translateError(error: { code: string; params: MessageParams; fields: FieldIssue[] }, locale: Locale) {
  return {
    message: translatorFor(locale)(`error.${error.code}` as MessageId, error.params),
    fields: error.fields.map((issue): TranslatedField => ({ path: issue.path, code: issue.code, message: fieldMessage(issue, locale) })),
  };
}
