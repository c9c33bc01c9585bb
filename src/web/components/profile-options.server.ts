import type { Locale } from "../../i18n/locales.ts";
import type { Option } from "./form-fields.tsx";

/**
 * Languages offered on the profile: the UN's six, then the languages of the network's regions
 * (Central Asia, Africa, South and South-East Asia...). A language saved earlier that is not in
 * the list stays offered, so saving the form does not drop it.
 */
const profileLanguages = [
  "en",
  "fr",
  "es",
  "ru",
  "zh",
  "ar",
  "pt",
  "de",
  "it",
  "tr",
  "fa",
  "hi",
  "ur",
  "bn",
  "ta",
  "ne",
  "si",
  "sw",
  "ha",
  "yo",
  "am",
  "zu",
  "uz",
  "kk",
  "ky",
  "tg",
  "tk",
  "mn",
  "ko",
  "ja",
  "id",
  "ms",
  "vi",
  "th",
  "km",
  "lo",
  "my",
  "uk",
  "pl",
  "ro",
];

/** Languages named in the reader's language and sorted by those names. */
export function languageOptions(locale: Locale, saved: readonly string[] = []): Option[] {
  const names = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);
  return [...new Set([...profileLanguages, ...saved])]
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
