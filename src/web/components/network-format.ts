import { useMemo } from "react";
import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useLocale, useT } from "../i18n.tsx";

/**
 * "2025" → "2025", "2025-11" → "November 2025", "2025-07-31" → "31 July 2025", each in the
 * reader's language: a partial date shows only what is known of it.
 */
export function formatPartialDate(value: string, locale: Locale): string {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { dateStyle: "long" }
    : month
      ? { year: "numeric", month: "long" }
      : { year: "numeric" };
  return cachedDateFormat(locale, options).format(date);
}

/** Building an Intl formatter costs far more than using one, and a page formats dozens of dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function cachedDateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    dateFormats.set(key, format);
  }
  return format;
}

/** Names of countries, languages and the network's vocabulary in the page's language. */
export function useNetworkFormat() {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => {
    const regions = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
    const languages = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
    return {
      country: (code: string) => (code ? (regions.of(code) ?? code) : ""),
      language: (code: string) => languages.of(code) ?? code,
      partialDate: (value: string) => formatPartialDate(value, locale),
      subregion: (key: string) => t(`network.subregion.${key}` as MessageId),
      kind: (kind: string) => t(`network.kind.${kind}` as MessageId),
      status: (status: string) => t(`network.status.${status}` as MessageId),
    };
  }, [locale, t]);
}
