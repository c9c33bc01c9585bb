import type { Executor } from "../../db/client.ts";
import { enrolments } from "./schema.ts";

/**
 * Enrols people in courses inside the caller's transaction, in one statement however many (a
 * cohort's approval admits hundreds at once). Idempotent: someone already enrolled
 * keeps their enrolment, progress and status (a cohort re-nominating a learner must not reset them).
 */
export async function enrolInTransaction(
  tx: Executor,
  input: { userIds: readonly string[]; courseIds: readonly string[]; enrolledById: string | null; at: Date },
): Promise<void> {
  const rows = input.userIds.flatMap((userId) =>
    input.courseIds.map((courseId) => ({ userId, courseId, enrolledById: input.enrolledById, enrolledAt: input.at })),
  );
  if (rows.length === 0) return;
  await tx
    .insert(enrolments)
    .values(rows)
    .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId] });
}
