import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import { defaultLocale, type Locale } from "../i18n/locales.ts";
import type { Messages } from "../i18n/messages/index.ts";
import { createTranslator, type Translate } from "../i18n/translate.ts";

type RootI18n = { locale: Locale; messages: Messages };

export function useLocale(): Locale {
  return useRouteLoaderData<RootI18n>("root")?.locale ?? defaultLocale;
}

/** Translator for the page's locale, built from the messages the root loader sent. */
export function useT(): Translate {
  const data = useRouteLoaderData<RootI18n>("root");
  return useMemo(() => {
    if (!data) return (id) => id;
    return createTranslator(data.locale, data.messages);
  }, [data]);
}

/** Intl formatters for the page's locale. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      number: (n: number) => new Intl.NumberFormat(locale).format(n),
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
