import type { Executor } from "../../db/client.ts";
import { enrolments } from "./schema.ts";

/**
 * Enrols users in courses inside the caller's transaction. Idempotent: someone already enrolled
 * keeps their enrolment, progress and status (a cohort re-nominating a learner must not reset them).
 */
export async function enrolInTransaction(
  tx: Executor,
  input: { userId: string; courseIds: readonly string[]; enrolledById: string | null },
): Promise<void> {
  if (input.courseIds.length === 0) return;
  await tx
    .insert(enrolments)
    .values(input.courseIds.map((courseId) => ({ userId: input.userId, courseId, enrolledById: input.enrolledById })))
    .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId] });
}
