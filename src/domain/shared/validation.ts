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

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** Plain words for the rules every form shares; null leaves the issue to Zod's own message. */
function plainMessage(issue: Issue, t: ReturnType<typeof translatorFor>): string | null {
  const bound = (value: unknown) => Number(value);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return t("input.required");
      return issue.expected === "number" || issue.expected === "int" ? t("input.number") : null;
    case "too_small":
      if (issue.origin === "string")
        return bound(issue.minimum) <= 1 ? t("input.required") : t("input.tooShort", { minimum: bound(issue.minimum) });
      if (issue.origin === "number" || issue.origin === "int") return t("input.tooSmall", { minimum: bound(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set") return t("input.tooFew", { minimum: bound(issue.minimum) });
      return null;
    case "too_big":
      if (issue.origin === "string") return t("input.tooLong", { maximum: bound(issue.maximum) });
      if (issue.origin === "number" || issue.origin === "int") return t("input.tooBig", { maximum: bound(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set") return t("input.tooMany", { maximum: bound(issue.maximum) });
      return null;
    case "invalid_format":
      if (issue.format === "email") return t("input.email");
      if (issue.format === "url") return t("input.url");
      if (issue.format === "uuid" || issue.format === "guid") return t("input.choice");
      if (issue.format === "date" || issue.format === "datetime") return t("input.date");
      return null;
    case "invalid_value":
      return t("input.choice");
    case "unrecognized_keys":
      return t("input.unknownField");
    default:
      return null;
  }
}

/**
 * Messages people can act on, in the request's language (z.config would be process-wide): our
 * own wording for the common rules, Zod's translation of its messages for the rest. A schema's
 * own message (a `validation.*` id) still wins over both.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  const t = translatorFor(locale);
  const fallback = zodLocales[locale]().localeError;
  return (issue) => plainMessage(issue, t) ?? fallback(issue);
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
