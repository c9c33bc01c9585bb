import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import type { CohortSummaryDto, ProgrammeRef } from "./dto.ts";
import type { CohortRow, ProgrammeRow, ProgrammeTextRow } from "./rows.ts";

/** Rows to the module's DTOs. */

/** The programme's texts the reader is shown: their language when ready, else the programme's own. */
export const shownProgrammeText = (programme: ProgrammeRow, texts: ProgrammeTextRow[], reader: Locale) =>
  shownText(texts, reader, programme.defaultLocale);

export const programmeTitle = (programme: ProgrammeRow, texts: ProgrammeTextRow[], reader: Locale): string =>
  shownProgrammeText(programme, texts, reader)?.title ?? programme.slug;

export const toProgrammeRef = (programme: ProgrammeRow, texts: ProgrammeTextRow[], reader: Locale): ProgrammeRef => ({
  id: programme.id,
  slug: programme.slug,
  title: programmeTitle(programme, texts, reader),
});

export function toCohortSummary(cohort: CohortRow, participants: number): CohortSummaryDto {
  return {
    id: cohort.id,
    programmeId: cohort.programmeId,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    locale: cohort.locale,
    capacity: cohort.capacity,
    enrolmentMode: cohort.enrolmentMode,
    institutionQuota: cohort.institutionQuota,
    status: cohort.status,
    participantCount: participants,
    seatsLeft: Math.max(0, cohort.capacity - participants),
  };
}
