import type { Database } from "../../db/client.ts";
import type { EventsService } from "../events/service.ts";
import type { IdentityService } from "../identity/service.ts";
import type { LearningService } from "../learning/service.ts";
import type { Outbox } from "../notifications/service.ts";

/** What the programmes module's use cases run with (docs/decisions/0015-module-shape.md). */
export type ProgrammesContext = {
  db: Database;
  now: () => Date;
  /** Mail is queued in the transaction of the change it tells about. */
  outbox: Outbox;
  /** The address links in mail start with. */
  publicUrl: string;
  /** Someone leaving a cohort gives up their places at its live sessions, in the same transaction. */
  events: Pick<EventsService, "cancelUpcomingRegistrations" | "deliverNoticesSoon">;
  /** Joining a cohort enrols in its courses, in the same transaction. */
  learning: Pick<LearningService, "enrolInTransaction">;
  /** People nominated by address get an account, in the transaction that nominates them. */
  identity: Pick<IdentityService, "createInvitedAccounts">;
};
