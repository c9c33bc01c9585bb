import type { Actor } from "../shared/actor.ts";
import { withContext } from "../shared/compose.ts";
import { cohortReport } from "./cohort-report.ts";
import { createCohort, getCohort, updateCohort } from "./cohorts.ts";
import type { ProgrammesContext } from "./context.ts";
import { decide } from "./decisions.ts";
import { enrol, removeParticipant, withdraw } from "./enrolment.ts";
import { institutionReport, reportInstitutions } from "./institution-report.ts";
import { invite } from "./invitations.ts";
import { confirmNominations, getNominationPreview, previewNominations } from "./nomination-uploads.ts";
import { listNominations, nominate, nominationCohorts } from "./nominations.ts";
import { can } from "./permissions.ts";
import { createProgramme, getProgramme, listManagedProgrammes, listProgrammes, translateProgramme, updateProgramme } from "./programmes.ts";
import { linkSession, unlinkSession } from "./sessions.ts";

export type ProgrammesServiceDeps = Omit<ProgrammesContext, "now"> & { now?: () => Date };

/** Capacity-building programmes, their cohorts, nominations and reports: one file per use case. */
export function createProgrammesService(deps: ProgrammesServiceDeps) {
  const ctx: ProgrammesContext = { ...deps, now: deps.now ?? (() => new Date()) };
  return {
    /** Whether the actor runs the programmes of this centre (the staff pages offer it as an owner). */
    canManage: (actor: Actor | null, centreId: string) => can(actor, "programme.manage", centreId),
    ...withContext(ctx, {
      listProgrammes,
      listManagedProgrammes,
      getProgramme,
      createProgramme,
      updateProgramme,
      translateProgramme,
      createCohort,
      updateCohort,
      getCohort,
      enrol,
      withdraw,
      removeParticipant,
      invite,
      nominate,
      previewNominations,
      getNominationPreview,
      confirmNominations,
      listNominations,
      decide,
      linkSession,
      unlinkSession,
      cohortReport,
      nominationCohorts,
      institutionReport,
      reportInstitutions,
    }),
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
