import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { enrolments } from "./schema.ts";

/**
 * Enrols people in courses inside the caller's transaction, in one statement however many (a
 * cohort's approval admits hundreds at once). Idempotent: someone already enrolled keeps their
 * enrolment, progress and status (a cohort re-nominating a learner must not reset them). Someone
 * who had withdrawn is enrolled again, with the progress they had: admitted to a cohort, they must
 * be able to learn in its courses.
 */
export async function enrolInTransaction(
  tx: Executor,
  input: { userIds: readonly string[]; courseIds: readonly string[]; enrolledById: string | null },
): Promise<void> {
  const rows = input.userIds.flatMap((userId) =>
    input.courseIds.map((courseId) => ({ userId, courseId, enrolledById: input.enrolledById })),
  );
  if (rows.length === 0) return;
  await tx
    .insert(enrolments)
    .values(rows)
    .onConflictDoUpdate({
      target: [enrolments.userId, enrolments.courseId],
      set: { status: "active", enrolledById: sql`excluded.enrolled_by_id`, enrolledAt: sql`excluded.enrolled_at` },
      setWhere: eq(enrolments.status, "withdrawn"),
    });
}
