import type { Locale } from "../../i18n/locales.ts";

/** A text of a record in one language, with its translation status (missing, draft or ready). */
type LocalisedRow = { locale: string; status: string };

/**
 * The text a reader is shown: their language when its translation is ready, else the record's
 * own language, else whatever exists. The one rule for courses, programmes, events and lessons.
 */
export function shownText<T extends LocalisedRow>(texts: readonly T[], reader: Locale, defaultLocale: string): T | undefined {
  return texts.find((t) => t.locale === reader && t.status === "ready") ?? texts.find((t) => t.locale === defaultLocale) ?? texts[0];
}

/** The language a reader is shown (see shownText). */
export function shownLanguage(texts: readonly LocalisedRow[], reader: Locale, defaultLocale: string): string {
  return texts.some((t) => t.locale === reader && t.status === "ready") ? reader : defaultLocale;
}

/** The languages a record is ready in, its own language first, the rest in code order. */
export function readyLanguages(texts: readonly LocalisedRow[], defaultLocale: string): string[] {
  const ready = texts.filter((t) => t.status === "ready").map((t) => t.locale);
  return ready.sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));
}

/**
 * One field of a record for a reader, with the language it is in: taken from the text shownText
 * picks, and when that field is empty there (a translation marked ready before the rule that
 * refuses it, or a field the translator left out), from the record's own language, so a reader
 * never gets a hollow page where the source has words.
 */
export function shownField<T extends LocalisedRow>(
  texts: readonly T[],
  reader: Locale,
  defaultLocale: string,
  field: (text: T) => string,
): { value: string; locale: string } {
  const shown = shownText(texts, reader, defaultLocale);
  if (shown && field(shown).trim()) return { value: field(shown), locale: shown.locale };
  const source = texts.find((t) => t.locale === defaultLocale);
  if (source && field(source).trim()) return { value: field(source), locale: source.locale };
  return { value: shown ? field(shown) : "", locale: shown?.locale ?? defaultLocale };
}
