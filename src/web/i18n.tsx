import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import { defaultLocale, type Locale } from "../i18n/locales.ts";
import type { MessageId, Messages } from "../i18n/messages/index.ts";
import { createTranslator, type Translate } from "../i18n/translate.ts";

type RootI18n = { locale: Locale; messages: Messages };

export function useLocale(): Locale {
  return useRouteLoaderData<RootI18n>("root")?.locale ?? defaultLocale;
}

/**
 * One translator per catalogue object: on the server every request of a locale renders with the
 * same catalogue, so compiled ICU messages are reused instead of parsed again on each request.
 */
const translators = new WeakMap<Messages, Translate>();
function translatorOf(locale: Locale, messages: Messages): Translate {
  let t = translators.get(messages);
  if (!t) {
    t = createTranslator(locale, messages);
    translators.set(messages, t);
  }
  return t;
}

/** Translator for the page's locale, built from the messages the root loader sent. */
export function useT(): Translate {
  const data = useRouteLoaderData<RootI18n>("root");
  return useMemo(() => (data ? translatorOf(data.locale, data.messages) : (id: MessageId) => id), [data]);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function numberFormatOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

/** Intl formatters for the page's locale. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      number: (n: number) => numberFormatOf(locale).format(n),
      date: (d: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }) =>
        new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(typeof d === "string" ? new Date(d) : d),
    }),
    [locale],
  );
}

/** A link within the current locale: href("/centres") → "/ar/centres". */
export function useHref() {
  const locale = useLocale();
  return (path: string) => `/${locale}${path === "/" ? "" : path}`;
}
