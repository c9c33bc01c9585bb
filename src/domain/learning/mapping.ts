import type { LearnerCourse } from "../catalogue/queries.ts";
import type { AttemptDto, EnrolmentDto } from "./dto.ts";
import type { enrolments, quizAttempts } from "./schema.ts";

/** A lesson of a course as progress counts it. */
type CountedLesson = { id: string; required: boolean };

/** The lessons that count towards completion: the required ones, or all when none is marked required. */
export function countedLessons<L extends CountedLesson>(list: L[]): L[] {
  const required = list.filter((l) => l.required);
  return required.length ? required : list;
}

/** `list` is the course's lessons in syllabus order, `done` the ids of those done. */
export function toEnrolmentDto(
  row: typeof enrolments.$inferSelect,
  course: Pick<LearnerCourse, "id" | "slug">,
  list: CountedLesson[],
  done: Set<string>,
): EnrolmentDto {
  const counted = countedLessons(list);
  return {
    courseId: course.id,
    courseSlug: course.slug,
    status: row.status,
    enrolledAt: row.enrolledAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedVersion: row.completedVersion,
    progress: { done: counted.filter((l) => done.has(l.id)).length, required: counted.length },
    resumeLessonId: resumeLesson(row.lastLessonId, list, done),
    doneLessonIds: list.filter((l) => done.has(l.id)).map((l) => l.id),
  };
}

/**
 * Where a learner goes on: the lesson they last opened while it is not done (they left in the
 * middle of it); once it is done, the next one not done after it, else the first not done
 * anywhere; with everything done, the last lesson opened (or the first).
 */
function resumeLesson(lastLessonId: string | null, list: CountedLesson[], done: Set<string>): string | null {
  const last = list.findIndex((l) => l.id === lastLessonId);
  if (last >= 0 && !done.has(lastLessonId!)) return lastLessonId;
  const notDone = (l: CountedLesson) => !done.has(l.id);
  return (list.slice(last + 1).find(notDone) ?? list.find(notDone) ?? list[last] ?? list[0])?.id ?? null;
}

export const toAttemptDto = (row: typeof quizAttempts.$inferSelect): AttemptDto => ({
  attemptNumber: row.attemptNumber,
  score: row.score,
  maxScore: row.maxScore,
  percent: row.percent,
  passed: row.passed,
  submittedAt: row.submittedAt.toISOString(),
});
