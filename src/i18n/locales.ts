export const locales = ["en", "fr", "es", "ru", "zh", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** One place decides text direction, for SSR markup and CSS alike. */
export function direction(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * Wraps text of unknown direction (a name someone typed) set inside a translated sentence, so an
 * Arabic name in a Russian heading, or a Latin one in an Arabic heading, keeps its own order and
 * does not pull the words around it (Unicode first-strong isolate … pop directional isolate).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

/** Native names, shown in the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ru: "Русский",
  zh: "中文",
  ar: "العربية",
};

/** A text stored in several languages; the reader's language wins, then English, then any. */
export type LocalisedText = Partial<Record<Locale, string>>;

export function pickLocalised(text: LocalisedText | null | undefined, locale: Locale, fallback = ""): string {
  if (!text) return fallback;
  return text[locale] ?? text.en ?? Object.values(text).find(Boolean) ?? fallback;
}
