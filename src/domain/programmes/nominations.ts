import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { peopleByIds, personNameOf } from "../identity/queries.ts";
import { organisationNameOf, organisationRefs } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldConflict, forbidden } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { NominationCohortDto, NominationDto, NominationProblem } from "./dto.ts";
import { programmeTitle, toCohortSummary } from "./mapping.ts";
import { nominatingFor, nominationCohort, saveNominations } from "./nomination-rows.ts";
import { can, holdsAnywhere, organisationsWith } from "./permissions.ts";
import { findCohort, participantCount, programmeTexts } from "./rows.ts";
import { cohorts, nominations, programmes } from "./schema.ts";
import { nominationFiltersSchema, nominationInputSchema } from "./validation.ts";

/** Nominations: one person put forward through the form, the lists of them, and the cohorts open to them. */

/** The nominations matching `where`, by institution then name. */
export async function nominationDtos(db: Executor, where: SQL | undefined, reader: Locale): Promise<NominationDto[]> {
  const rows = await db
    .select()
    .from(nominations)
    .where(where)
    .orderBy(asc(organisationNameOf(nominations.institutionId)), asc(personNameOf(nominations.userId)));
  const [people, institutions] = await Promise.all([
    peopleByIds(
      db,
      rows.map((r) => r.userId),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.institutionId),
      reader,
    ),
  ]);
  return rows.flatMap((nomination) => {
    const person = people.get(nomination.userId);
    const institution = institutions.get(nomination.institutionId);
    if (!person || !institution) return [];
    return [
      {
        id: nomination.id,
        cohortId: nomination.cohortId,
        user: { id: person.id, name: person.name, email: person.email },
        institution,
        department: nomination.department,
        jobTitle: nomination.jobTitle,
        status: nomination.status,
        createdAt: nomination.createdAt.toISOString(),
        decidedAt: nomination.decidedAt?.toISOString() ?? null,
      },
    ];
  });
}

/** A row's problem as the form's field error. */
const problemError = (problem: NominationProblem) =>
  fieldConflict(problem === "over_quota" ? "institutionId" : "email", `programmes.problem.${problem}` as MessageId);

/**
 * One person nominated through the form; a new address gets an account and a mail to set its
 * password. The person is judged as a row of a file would be, under the cohort's lock.
 */
export async function nominate(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  input: unknown,
  locale: Locale,
): Promise<NominationDto> {
  const who = requireActor(actor);
  const { cohort, programme } = await nominationCohort(ctx.db, actor, cohortId);
  const data = parseInput(nominationInputSchema, input);
  const institutionId = nominatingFor(who, data.institutionId);
  const row = { line: 1, name: data.name, email: data.email, department: data.department, jobTitle: data.jobTitle };
  const saved = await saveNominations(ctx, who, { cohortId: cohort.id, programme, institutionId }, [row], locale);
  const [id] = saved.ids;
  // No problem yet no row: someone else nominated the person between the check and the insert.
  if (!id) throw problemError(saved.rows[0]?.problems[0] ?? "already_nominated");
  const [nomination] = await nominationDtos(ctx.db, eq(nominations.id, id), locale);
  return nomination!;
}

/** The centre's staff see every nomination; an institution's administrators see their own institution's. */
export async function listNominations(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  filters: unknown,
  reader: Locale,
): Promise<NominationDto[]> {
  const who = requireActor(actor);
  const { cohort, programme } = await findCohort(ctx.db, cohortId);
  const f = parseInput(nominationFiltersSchema, filters ?? {});
  const own = organisationsWith(who, "nomination.submit");
  const manager = can(who, "cohort.manage", programme.ownerCentreId);
  if (!manager && own.length === 0) throw forbidden();
  if (!manager && f.institutionId && !own.includes(f.institutionId)) throw forbidden();
  return nominationDtos(
    ctx.db,
    and(
      eq(nominations.cohortId, cohort.id),
      f.status ? eq(nominations.status, f.status) : undefined,
      f.institutionId ? eq(nominations.institutionId, f.institutionId) : undefined,
      manager ? undefined : inArray(nominations.institutionId, own),
    ),
    reader,
  );
}

/** Cohorts the actor's institutions can nominate for, for the institution administrators' page. */
export async function nominationCohorts(ctx: ProgrammesContext, actor: Actor | null, reader: Locale): Promise<NominationCohortDto[]> {
  const who = requireActor(actor);
  if (!holdsAnywhere(who, "nomination.submit")) throw forbidden();
  const rows = await ctx.db
    .select({ cohort: cohorts, programme: programmes, participants: participantCount })
    .from(cohorts)
    .innerJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(
      and(
        eq(cohorts.enrolmentMode, "nomination"),
        or(eq(cohorts.status, "open"), eq(cohorts.status, "planned")),
        eq(programmes.status, "published"),
      ),
    )
    .orderBy(asc(cohorts.startsOn));
  const texts = await programmeTexts(ctx.db, [...new Set(rows.map((r) => r.programme.id))]);
  return rows.map((r) => ({
    ...toCohortSummary(r.cohort, r.participants),
    programmeTitle: programmeTitle(r.programme, texts.get(r.programme.id) ?? [], reader),
    programmeSlug: r.programme.slug,
  }));
}
