import type { Locale } from "./locales.ts";
import { catalogues, type Messages } from "./messages/index.ts";
import { createTranslator, type Translate } from "./translate.ts";

const translators = new Map<Locale, Translate>();

/** Server-side translator; the browser gets only its own locale's messages from the root loader. */
export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalogues[locale] as Messages);
    translators.set(locale, t);
  }
  return t;
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale] as Messages;
}
