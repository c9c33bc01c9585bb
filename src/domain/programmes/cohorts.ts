import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { lessonCounts } from "../catalogue/queries.ts";
import { peopleByEmail, peopleByIds, personNameOf } from "../identity/queries.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { CohortDto, CourseProgressDto, ParticipantDto, ProgrammeCourseDto } from "./dto.ts";
import { shownProgrammeText, toCohortSummary } from "./mapping.ts";
import { can, organisationsWith } from "./permissions.ts";
import { courseProgress, programmeCourseList } from "./progress.ts";
import {
  isInvited,
  lockCohort,
  managedCohort,
  managedProgramme,
  participantsIn,
  programmeTexts,
  sessionsOf,
  takesPart,
  visibleCohort,
} from "./rows.ts";
import { cohortFacilitators, cohortParticipants, cohorts } from "./schema.ts";
import { cohortInputSchema, cohortPatchSchema } from "./validation.ts";

/** Cohorts: creating and changing one, and its page for everyone who may see it. */

/** The accounts of the facilitators named by address; an unknown address is named in its field's message. */
async function facilitatorIds(db: Executor, emails: string[]): Promise<string[]> {
  const found = await peopleByEmail(db, emails);
  const missing = emails.findIndex((e) => !found.has(e));
  if (missing >= 0) {
    // Named in the message: the form shows the addresses in one field, so an index alone would not say which.
    throw fieldError(`facilitatorEmails.${missing}`, "programmes.field.unknownFacilitator", { email: emails[missing]! });
  }
  return [...new Set(emails.map((e) => found.get(e)!.id))];
}

async function writeFacilitators(tx: Executor, cohortId: string, userIds: string[]) {
  await tx.delete(cohortFacilitators).where(eq(cohortFacilitators.cohortId, cohortId));
  if (userIds.length) await tx.insert(cohortFacilitators).values(userIds.map((userId) => ({ cohortId, userId })));
}

export async function createCohort(
  ctx: ProgrammesContext,
  actor: Actor | null,
  programmeRef: string,
  input: unknown,
  reader: Locale,
): Promise<CohortDto> {
  const { db } = ctx;
  const programme = await managedProgramme(db, actor, programmeRef);
  const data = parseInput(cohortInputSchema, input);
  const facilitators = await facilitatorIds(db, data.facilitatorEmails);
  const id = await db.transaction(async (tx) => {
    const { facilitatorEmails: _, ...fields } = data;
    const [row] = await tx
      .insert(cohorts)
      .values({ ...fields, programmeId: programme.id, createdAt: ctx.now() })
      .returning({ id: cohorts.id });
    if (facilitators.length) await writeFacilitators(tx, row!.id, facilitators);
    return row!.id;
  });
  return getCohort(ctx, actor, id, reader);
}

/**
 * Changes a cohort under its row lock, judged against the row as it is then: the dates in order
 * and a capacity no lower than the people taking part (a join waiting on the lock counts).
 */
export async function updateCohort(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  patch: unknown,
  reader: Locale,
): Promise<CohortDto> {
  const { cohort } = await managedCohort(ctx.db, actor, cohortId);
  const data = parseInput(cohortPatchSchema, patch);
  await ctx.db.transaction(async (tx) => {
    const current = await lockCohort(tx, cohort.id);
    if ((data.endsOn ?? current.endsOn) < (data.startsOn ?? current.startsOn))
      throw fieldError("endsOn", "programmes.field.endsBeforeStart");
    const facilitators = data.facilitatorEmails ? await facilitatorIds(tx, data.facilitatorEmails) : null;
    if (data.capacity !== undefined && data.capacity < (await participantsIn(tx, current.id))) {
      throw fieldError("capacity", "programmes.field.capacityBelowParticipants");
    }
    const { facilitatorEmails: _, ...fields } = data;
    if (Object.keys(fields).length) await tx.update(cohorts).set(fields).where(eq(cohorts.id, current.id));
    if (facilitators) await writeFacilitators(tx, current.id, facilitators);
  });
  return getCohort(ctx, actor, cohort.id, reader);
}

/** The cohort's facilitators by name, with their addresses for whoever runs the cohort. */
async function facilitatorsOf(db: Executor, cohortId: string) {
  const rows = await db
    .select({ userId: cohortFacilitators.userId })
    .from(cohortFacilitators)
    .where(eq(cohortFacilitators.cohortId, cohortId))
    .orderBy(asc(personNameOf(cohortFacilitators.userId)));
  const people = await peopleByIds(
    db,
    rows.map((r) => r.userId),
  );
  return rows.flatMap((r) => {
    const person = people.get(r.userId);
    return person ? [{ id: person.id, name: person.name, email: person.email }] : [];
  });
}

/** The reader's own progress in the programme's courses. */
async function ownProgress(db: Executor, userId: string, courseList: ProgrammeCourseDto[]): Promise<CourseProgressDto[]> {
  const courseIds = courseList.map((c) => c.id);
  const [progress, totals] = await Promise.all([courseProgress(db, [userId], courseIds), lessonCounts(db, courseIds)]);
  return courseList.map((c) => {
    const p = progress.of(userId, c.id);
    return {
      courseId: c.id,
      title: c.title,
      required: c.required,
      lessonsDone: p?.lessonsDone ?? 0,
      lessonsTotal: totals.get(c.id) ?? 0,
      completed: p?.completed ?? false,
    };
  });
}

/** Everyone taking part, by name, with the courses each completed: for whoever runs the cohort. */
async function participantList(db: Executor, cohortId: string, courseIds: string[], reader: Locale): Promise<ParticipantDto[]> {
  const rows = await db
    .select()
    .from(cohortParticipants)
    .where(eq(cohortParticipants.cohortId, cohortId))
    .orderBy(asc(personNameOf(cohortParticipants.userId)));
  const userIds = rows.map((r) => r.userId);
  const [people, progress, refs] = await Promise.all([
    peopleByIds(db, userIds),
    courseProgress(db, userIds, courseIds),
    organisationRefs(
      db,
      rows.map((r) => r.institutionId),
      reader,
    ),
  ]);
  return rows.flatMap((participant) => {
    const person = people.get(participant.userId);
    if (!person) return [];
    return [
      {
        userId: participant.userId,
        name: person.name,
        email: person.email,
        institution: participant.institutionId ? (refs.get(participant.institutionId) ?? null) : null,
        source: participant.source,
        enrolledAt: participant.enrolledAt.toISOString(),
        coursesCompleted: courseIds.filter((id) => progress.completed(participant.userId, id)).length,
        coursesTotal: courseIds.length,
      },
    ];
  });
}

/**
 * A cohort's page: its schedule, courses and live sessions for anyone who may see it; the reader's
 * place and progress; the participants and facilitators' addresses for whoever runs it.
 */
export async function getCohort(ctx: ProgrammesContext, actor: Actor | null, cohortId: string, reader: Locale): Promise<CohortDto> {
  const { db } = ctx;
  const { cohort, programme } = await visibleCohort(db, actor, cohortId);
  const manager = can(actor, "cohort.manage", programme.ownerCentreId);
  const nominating = organisationsWith(actor, "nomination.submit");
  const [participants, texts, courseList, facilitators, sessions, owners, mine] = await Promise.all([
    participantsIn(db, cohort.id),
    programmeTexts(db, [programme.id]),
    programmeCourseList(db, programme.id, reader),
    facilitatorsOf(db, cohort.id),
    sessionsOf(db, cohort.id, reader),
    organisationRefs(db, [programme.ownerCentreId, ...nominating], reader),
    actor ? takesPart(db, cohort.id, actor.userId) : false,
  ]);
  const summary = toCohortSummary(cohort, participants);
  const shown = shownProgrammeText(programme, texts.get(programme.id) ?? [], reader);
  const joinable =
    !!actor &&
    !mine &&
    cohort.status === "open" &&
    summary.seatsLeft > 0 &&
    (cohort.enrolmentMode === "open" || (cohort.enrolmentMode === "invitation" && (await isInvited(db, cohort.id, actor.email))));
  const courseIds = courseList.map((c) => c.id);
  return {
    ...summary,
    programme: {
      id: programme.id,
      slug: programme.slug,
      title: shown?.title ?? programme.slug,
      shownLocale: shown?.locale ?? programme.defaultLocale,
      owner: owners.get(programme.ownerCentreId)!,
    },
    courses: courseList,
    facilitators: facilitators.map(({ id, name }) => ({ id, name })),
    facilitatorEmails: manager ? facilitators.map((f) => f.email) : null,
    sessions,
    viewer: {
      participant: mine,
      canEnrol: joinable,
      canManage: manager,
      nominatingFor: cohort.enrolmentMode === "nomination" ? nominating.flatMap((id) => (owners.has(id) ? [owners.get(id)!] : [])) : [],
    },
    progress: mine && actor ? await ownProgress(db, actor.userId, courseList) : null,
    participants: manager ? await participantList(db, cohort.id, courseIds, reader) : null,
  };
}
