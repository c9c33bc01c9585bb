import { z } from "zod";
import type { Locale } from "../../i18n/locales.ts";
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

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));
}

/** Validates input at a service boundary; failures become a 400 DomainError with field issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale = "en"): z.output<S> {
  const result = schema.safeParse(input, { error: zodErrorMap(locale) });
  if (!result.success) throw new DomainError("validation_failed", 400, {}, toFieldIssues(result.error));
  return result.data;
}

export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens");

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code");

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
