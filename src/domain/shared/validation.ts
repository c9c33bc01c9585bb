import { z } from "zod";
import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { messagesFor, translatorFor } from "../../i18n/translator.server.ts";
import { DomainError, type FieldIssue } from "./errors.ts";

const zodLocales: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  fr: z.locales.fr,
  es: z.locales.es,
  ru: z.locales.ru,
  zh: z.locales.zhCN,
  ar: z.locales.ar,
};

/** Zod's own translations of its messages, per request locale (z.config would be process-wide). */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return zodLocales[locale]().localeError;
}

/**
 * Field issues in the reader's language: Zod's built-in messages come translated from its
 * locale, and our own rules name a message id (`validation.*`) that is translated here.
 */
export function toFieldIssues(error: z.ZodError, locale: Locale): FieldIssue[] {
  const t = translatorFor(locale);
  const messages = messagesFor(locale) as Record<string, string>;
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message in messages ? t(issue.message as MessageId) : issue.message,
  }));
}

/** Validates input at a service boundary; failures become a 400 DomainError with field issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale = "en"): z.output<S> {
  const result = schema.safeParse(input, { error: zodErrorMap(locale) });
  if (!result.success) throw new DomainError("validation_failed", 400, {}, toFieldIssues(result.error, locale));
  return result.data;
}

export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slug");

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "validation.countryCode");

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}
