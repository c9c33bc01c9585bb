import { and, eq } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { centreOfEvent } from "../events/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { getCohort } from "./cohorts.ts";
import type { ProgrammesContext } from "./context.ts";
import type { CohortDto } from "./dto.ts";
import { managedCohort } from "./rows.ts";
import { cohortSessions } from "./schema.ts";

/** A cohort's live sessions: events of its centre, linked into its schedule. */

/** Links an event of the cohort's centre as one of its live sessions. */
export async function linkSession(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  eventId: string,
  reader: Locale,
): Promise<CohortDto> {
  const { cohort, programme } = await managedCohort(ctx.db, actor, cohortId);
  const centreId = isUuid(eventId) ? await centreOfEvent(ctx.db, eventId) : null;
  if (centreId !== programme.ownerCentreId) throw fieldError("eventId", "programmes.field.unknownEvent");
  await ctx.db.insert(cohortSessions).values({ cohortId: cohort.id, eventId }).onConflictDoNothing();
  return getCohort(ctx, actor, cohort.id, reader);
}

export async function unlinkSession(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  eventId: string,
  reader: Locale,
): Promise<CohortDto> {
  const { cohort } = await managedCohort(ctx.db, actor, cohortId);
  if (isUuid(eventId))
    await ctx.db.delete(cohortSessions).where(and(eq(cohortSessions.cohortId, cohort.id), eq(cohortSessions.eventId, eventId)));
  return getCohort(ctx, actor, cohort.id, reader);
}
