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
  const resume = row.lastLessonId ?? list.find((l) => !done.has(l.id))?.id ?? list[0]?.id ?? null;
  return {
    courseId: course.id,
    courseSlug: course.slug,
    status: row.status,
    enrolledAt: row.enrolledAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    completedVersion: row.completedVersion,
    progress: { done: counted.filter((l) => done.has(l.id)).length, required: counted.length },
    resumeLessonId: resume,
  };
}

export const toAttemptDto = (row: typeof quizAttempts.$inferSelect): AttemptDto => ({
  attemptNumber: row.attemptNumber,
  score: row.score,
  maxScore: row.maxScore,
  percent: row.percent,
  passed: row.passed,
  submittedAt: row.submittedAt.toISOString(),
});
