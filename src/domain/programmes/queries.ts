import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import type { ProgrammeStatus } from "./dto.ts";
import { cohortParticipants, cohorts, programmeCourses, programmes, programmeTranslations } from "./schema.ts";

/**
 * The programmes module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor, answering plain values.
 */

export type ProgrammeHeading = { id: string; slug: string; title: string; ownerCentreId: string; status: ProgrammeStatus };

/** Programmes by id with their slug, owning centre, status and title in the reader's language when ready, else the programme's own. */
export async function programmeHeadings(db: Executor, ids: readonly string[], reader: Locale): Promise<Map<string, ProgrammeHeading>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, texts] = await Promise.all([
    db.select().from(programmes).where(inArray(programmes.id, wanted)),
    db.select().from(programmeTranslations).where(inArray(programmeTranslations.programmeId, wanted)),
  ]);
  const textsOf = Map.groupBy(texts, (t) => t.programmeId);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        slug: p.slug,
        title: shownText(textsOf.get(p.id) ?? [], reader, p.defaultLocale)?.title ?? p.slug,
        ownerCentreId: p.ownerCentreId,
        status: p.status,
      },
    ]),
  );
}

/** A cohort with its programme (titled for the reader) and the programme's required courses: what completing the cohort means. Null when there is none. */
export async function cohortWithCourses(
  db: Executor,
  cohortId: string,
  reader: Locale,
): Promise<{ id: string; name: string; programme: ProgrammeHeading; courseIds: string[] } | null> {
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) return null;
  const [headings, courses] = await Promise.all([
    programmeHeadings(db, [cohort.programmeId], reader),
    db
      .select({ courseId: programmeCourses.courseId })
      .from(programmeCourses)
      .where(and(eq(programmeCourses.programmeId, cohort.programmeId), eq(programmeCourses.required, true))),
  ]);
  const programme = headings.get(cohort.programmeId);
  if (!programme) return null;
  return { id: cohort.id, name: cohort.name, programme, courseIds: courses.map((c) => c.courseId) };
}

/** Who of these people takes part in the cohort now (withdrawn people are not participants). */
export async function cohortParticipantIds(db: Executor, cohortId: string, userIds?: readonly string[]): Promise<Set<string>> {
  if (userIds && !userIds.length) return new Set();
  const rows = await db
    .select({ userId: cohortParticipants.userId })
    .from(cohortParticipants)
    .where(and(eq(cohortParticipants.cohortId, cohortId), userIds ? inArray(cohortParticipants.userId, [...new Set(userIds)]) : undefined));
  return new Set(rows.map((r) => r.userId));
}

/** A list of people (name, email...) read from CSV or XLSX under the nomination list's rules: other modules' bulk uploads read theirs with it. */
export { parseNominationFile as parsePeopleFile } from "./nomination-file.ts";

/** The cohorts of an organisation's programmes, newest first, titled for the reader (a certification's bulk awards pick one). */
export async function cohortsOfOwner(
  db: Executor,
  ownerCentreId: string,
  reader: Locale,
): Promise<{ id: string; name: string; programmeTitle: string }[]> {
  const rows = await db
    .select({ id: cohorts.id, name: cohorts.name, programmeId: cohorts.programmeId, startsOn: cohorts.startsOn })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(eq(programmes.ownerCentreId, ownerCentreId));
  const headings = await programmeHeadings(
    db,
    rows.map((r) => r.programmeId),
    reader,
  );
  return rows
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .map((r) => ({ id: r.id, name: r.name, programmeTitle: headings.get(r.programmeId)?.title ?? "" }));
}
