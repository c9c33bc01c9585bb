import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locales.ts";
import type { MessageId, Messages } from "./messages/index.ts";

export type MessageValues = Record<string, string | number | Date>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** Formats ICU messages of one locale; formats are compiled once and cached. */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  const cache = new Map<string, IntlMessageFormat>();
  return (id, values) => {
    let format = cache.get(id);
    if (!format) {
      const source = messages[id] ?? id;
      format = new IntlMessageFormat(source, locale);
      cache.set(id, format);
    }
    return String(format.format(values));
  };
}
