import type { Database } from "../../db/client.ts";
import { withContext } from "../shared/compose.ts";
import { completion } from "./completion.ts";
import type { LearningContext } from "./context.ts";
import { enrol, enrolByEmail, enrolInTransaction, enrolmentIn, enrolmentInCourse, mayEnrolOthers, withdraw } from "./enrol.ts";
import { myLearning } from "./my-learning.ts";
import { player } from "./player.ts";
import { markDone } from "./progress.ts";
import { getQuiz, submitAttempt } from "./quiz-attempts.ts";

export type LearningServiceDeps = { db: Database; catalogue: LearningContext["catalogue"]; now?: () => Date };

export function createLearningService(deps: LearningServiceDeps) {
  const ctx: LearningContext = { db: deps.db, catalogue: deps.catalogue, now: deps.now ?? (() => new Date()) };
  return {
    ...withContext(ctx, {
      enrol,
      mayEnrolOthers,
      enrolByEmail,
      withdraw,
      enrolmentIn,
      enrolmentInCourse,
      getQuiz,
      submitAttempt,
      markDone,
      player,
      myLearning,
      completion,
    }),
    /** For other modules' writes (a cohort's courses): enrols in the caller's transaction. */
    enrolInTransaction,
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
