import type { Locale } from "../locales.ts";
import authoringAr from "./authoring/ar.ts";
import authoringEn from "./authoring/en.ts";
import authoringEs from "./authoring/es.ts";
import authoringFr from "./authoring/fr.ts";
import authoringRu from "./authoring/ru.ts";
import authoringZh from "./authoring/zh.ts";
import catalogueAr from "./catalogue/ar.ts";
import catalogueEn from "./catalogue/en.ts";
import catalogueEs from "./catalogue/es.ts";
import catalogueFr from "./catalogue/fr.ts";
import catalogueRu from "./catalogue/ru.ts";
import catalogueZh from "./catalogue/zh.ts";
import certificationsAr from "./certifications/ar.ts";
import certificationsEn from "./certifications/en.ts";
import certificationsEs from "./certifications/es.ts";
import certificationsFr from "./certifications/fr.ts";
import certificationsRu from "./certifications/ru.ts";
import certificationsZh from "./certifications/zh.ts";
import commonAr from "./common/ar.ts";
import commonEn from "./common/en.ts";
import commonEs from "./common/es.ts";
import commonFr from "./common/fr.ts";
import commonRu from "./common/ru.ts";
import commonZh from "./common/zh.ts";
import competenciesAr from "./competencies/ar.ts";
import competenciesEn from "./competencies/en.ts";
import competenciesEs from "./competencies/es.ts";
import competenciesFr from "./competencies/fr.ts";
import competenciesRu from "./competencies/ru.ts";
import competenciesZh from "./competencies/zh.ts";
import credentialsAr from "./credentials/ar.ts";
import credentialsEn from "./credentials/en.ts";
import credentialsEs from "./credentials/es.ts";
import credentialsFr from "./credentials/fr.ts";
import credentialsRu from "./credentials/ru.ts";
import credentialsZh from "./credentials/zh.ts";
import errorsAr from "./errors/ar.ts";
import errorsEn from "./errors/en.ts";
import errorsEs from "./errors/es.ts";
import errorsFr from "./errors/fr.ts";
import errorsRu from "./errors/ru.ts";
import errorsZh from "./errors/zh.ts";
import eventsAr from "./events/ar.ts";
import eventsEn from "./events/en.ts";
import eventsEs from "./events/es.ts";
import eventsFr from "./events/fr.ts";
import eventsRu from "./events/ru.ts";
import eventsZh from "./events/zh.ts";
import httpAr from "./http/ar.ts";
import httpEn from "./http/en.ts";
import httpEs from "./http/es.ts";
import httpFr from "./http/fr.ts";
import httpRu from "./http/ru.ts";
import httpZh from "./http/zh.ts";
import identityAr from "./identity/ar.ts";
import identityEn from "./identity/en.ts";
import identityEs from "./identity/es.ts";
import identityFr from "./identity/fr.ts";
import identityRu from "./identity/ru.ts";
import identityZh from "./identity/zh.ts";
import inputAr from "./input/ar.ts";
import inputEn from "./input/en.ts";
import inputEs from "./input/es.ts";
import inputFr from "./input/fr.ts";
import inputRu from "./input/ru.ts";
import inputZh from "./input/zh.ts";
import learningAr from "./learning/ar.ts";
import learningEn from "./learning/en.ts";
import learningEs from "./learning/es.ts";
import learningFr from "./learning/fr.ts";
import learningRu from "./learning/ru.ts";
import learningZh from "./learning/zh.ts";
import networkAr from "./network/ar.ts";
import networkEn from "./network/en.ts";
import networkEs from "./network/es.ts";
import networkFr from "./network/fr.ts";
import networkRu from "./network/ru.ts";
import networkZh from "./network/zh.ts";
import programmesAr from "./programmes/ar.ts";
import programmesEn from "./programmes/en.ts";
import programmesEs from "./programmes/es.ts";
import programmesFr from "./programmes/fr.ts";
import programmesRu from "./programmes/ru.ts";
import programmesZh from "./programmes/zh.ts";
import qualityAr from "./quality/ar.ts";
import qualityEn from "./quality/en.ts";
import qualityEs from "./quality/es.ts";
import qualityFr from "./quality/fr.ts";
import qualityRu from "./quality/ru.ts";
import qualityZh from "./quality/zh.ts";
import siteAr from "./site/ar.ts";
import siteEn from "./site/en.ts";
import siteEs from "./site/es.ts";
import siteFr from "./site/fr.ts";
import siteRu from "./site/ru.ts";
import siteZh from "./site/zh.ts";

/** Every namespace, per locale. Add a namespace here in all six lines. */
export const catalogues = {
  en: {
    ...commonEn,
    ...authoringEn,
    ...catalogueEn,
    ...certificationsEn,
    ...competenciesEn,
    ...credentialsEn,
    ...errorsEn,
    ...eventsEn,
    ...httpEn,
    ...identityEn,
    ...inputEn,
    ...learningEn,
    ...networkEn,
    ...programmesEn,
    ...qualityEn,
    ...siteEn,
  },
  fr: {
    ...commonFr,
    ...authoringFr,
    ...catalogueFr,
    ...certificationsFr,
    ...competenciesFr,
    ...credentialsFr,
    ...errorsFr,
    ...eventsFr,
    ...httpFr,
    ...identityFr,
    ...inputFr,
    ...learningFr,
    ...networkFr,
    ...programmesFr,
    ...qualityFr,
    ...siteFr,
  },
  es: {
    ...commonEs,
    ...authoringEs,
    ...catalogueEs,
    ...certificationsEs,
    ...competenciesEs,
    ...credentialsEs,
    ...errorsEs,
    ...eventsEs,
    ...httpEs,
    ...identityEs,
    ...inputEs,
    ...learningEs,
    ...networkEs,
    ...programmesEs,
    ...qualityEs,
    ...siteEs,
  },
  ru: {
    ...commonRu,
    ...authoringRu,
    ...catalogueRu,
    ...certificationsRu,
    ...competenciesRu,
    ...credentialsRu,
    ...errorsRu,
    ...eventsRu,
    ...httpRu,
    ...identityRu,
    ...inputRu,
    ...learningRu,
    ...networkRu,
    ...programmesRu,
    ...qualityRu,
    ...siteRu,
  },
  zh: {
    ...commonZh,
    ...authoringZh,
    ...catalogueZh,
    ...certificationsZh,
    ...competenciesZh,
    ...credentialsZh,
    ...errorsZh,
    ...eventsZh,
    ...httpZh,
    ...identityZh,
    ...inputZh,
    ...learningZh,
    ...networkZh,
    ...programmesZh,
    ...qualityZh,
    ...siteZh,
  },
  ar: {
    ...commonAr,
    ...authoringAr,
    ...catalogueAr,
    ...certificationsAr,
    ...competenciesAr,
    ...credentialsAr,
    ...errorsAr,
    ...eventsAr,
    ...httpAr,
    ...identityAr,
    ...inputAr,
    ...learningAr,
    ...networkAr,
    ...programmesAr,
    ...qualityAr,
    ...siteAr,
  },
} satisfies Record<Locale, Record<string, string>>;

export type MessageId = keyof (typeof catalogues)["en"];
export type Messages = Record<MessageId, string>;

/** Every message id, to tell an id from text (a schema's own message is an id). */
export const messageIds: ReadonlySet<string> = new Set(Object.keys(catalogues.en));
