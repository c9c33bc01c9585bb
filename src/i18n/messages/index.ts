import type { Locale } from "../locales.ts";
import commonAr from "./common/ar.ts";
import commonEn from "./common/en.ts";
import commonEs from "./common/es.ts";
import commonFr from "./common/fr.ts";
import commonRu from "./common/ru.ts";
import commonZh from "./common/zh.ts";
import errorsAr from "./errors/ar.ts";
import errorsEn from "./errors/en.ts";
import errorsEs from "./errors/es.ts";
import errorsFr from "./errors/fr.ts";
import errorsRu from "./errors/ru.ts";
import errorsZh from "./errors/zh.ts";

/** Every namespace, per locale. Add a namespace here in all six lines. */
export const catalogues = {
  en: { ...commonEn, ...errorsEn },
  fr: { ...commonFr, ...errorsFr },
  es: { ...commonEs, ...errorsEs },
  ru: { ...commonRu, ...errorsRu },
  zh: { ...commonZh, ...errorsZh },
  ar: { ...commonAr, ...errorsAr },
} satisfies Record<Locale, Record<string, string>>;

export type MessageId = keyof (typeof catalogues)["en"];
export type Messages = Record<MessageId, string>;
