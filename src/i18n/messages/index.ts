import type { Locale } from "../locales.ts";
import catalogueAr from "./catalogue/ar.ts";
import catalogueEn from "./catalogue/en.ts";
import catalogueEs from "./catalogue/es.ts";
import catalogueFr from "./catalogue/fr.ts";
import catalogueRu from "./catalogue/ru.ts";
import catalogueZh from "./catalogue/zh.ts";
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
import identityAr from "./identity/ar.ts";
import inputAr from "./input/ar.ts";
import identityEn from "./identity/en.ts";
import inputEn from "./input/en.ts";
import identityEs from "./identity/es.ts";
import inputEs from "./input/es.ts";
import identityFr from "./identity/fr.ts";
import inputFr from "./input/fr.ts";
import identityRu from "./identity/ru.ts";
import inputRu from "./input/ru.ts";
import identityZh from "./identity/zh.ts";
import inputZh from "./input/zh.ts";
import networkAr from "./network/ar.ts";
import networkEn from "./network/en.ts";
import networkEs from "./network/es.ts";
import networkFr from "./network/fr.ts";
import networkRu from "./network/ru.ts";
import networkZh from "./network/zh.ts";

/** Every namespace, per locale. Add a namespace here in all six lines. */
export const catalogues = {
  en: { ...commonEn, ...catalogueEn, ...errorsEn, ...identityEn, ...inputEn, ...networkEn },
  fr: { ...commonFr, ...catalogueFr, ...errorsFr, ...identityFr, ...inputFr, ...networkFr },
  es: { ...commonEs, ...catalogueEs, ...errorsEs, ...identityEs, ...inputEs, ...networkEs },
  ru: { ...commonRu, ...catalogueRu, ...errorsRu, ...identityRu, ...inputRu, ...networkRu },
  zh: { ...commonZh, ...catalogueZh, ...errorsZh, ...identityZh, ...inputZh, ...networkZh },
  ar: { ...commonAr, ...catalogueAr, ...errorsAr, ...identityAr, ...inputAr, ...networkAr },
} satisfies Record<Locale, Record<string, string>>;

export type MessageId = keyof (typeof catalogues)["en"];
export type Messages = Record<MessageId, string>;
