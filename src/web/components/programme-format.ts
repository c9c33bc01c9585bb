import { useMemo } from "react";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useFormat, useLocale, useT } from "../i18n.tsx";
import { useEventFormat } from "./event-format.ts";

/** Languages offered for programme texts and cohorts: the interface languages and those of the centres. */
export const contentLanguageCodes = ["en", "fr", "es", "ru", "zh", "ar", "sr", "kk", "ky", "sw", "pt", "ur"];

/** Names of the programmes module's vocabulary, dates and languages in the page's language. */
export function useProgrammeFormat() {
  const locale = useLocale();
  const t = useT();
  const format = useFormat();
  const events = useEventFormat();
  return useMemo(() => {
    const languages = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
    const regions = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
    const day = (iso: string) => format.date(`${iso}T00:00:00Z`, { dateStyle: "medium" });
    return {
      language: (code: string) => languages.of(code) ?? code,
      country: (code: string | null) => (code ? (regions.of(code) ?? code) : t("programmes.report.noCountry")),
      mode: (mode: string) => t(`programmes.mode.${mode}` as MessageId),
      cohortStatus: (status: string) => t(`programmes.cohortStatus.${status}` as MessageId),
      programmeStatus: (status: string) => t(`programmes.status.${status}` as MessageId),
      nominationStatus: (status: string) => t(`programmes.nominationStatus.${status}` as MessageId),
      problem: (problem: string) => t(`programmes.problem.${problem}` as MessageId),
      day,
      /** "12 Mar 2030 – 31 May 2030", in the reader's calendar words. */
      dates: (startsOn: string, endsOn: string) => t("programmes.cohort.dates", { start: day(startsOn), end: day(endsOn) }),
      /** Live sessions are events: their times read as on the events pages, with the zone's name. */
      dateTime: events.short,
    };
  }, [locale, t, format, events]);
}
