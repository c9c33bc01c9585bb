import type { Executor } from "../../db/client.ts";
import type { CourseFacts, LessonKind } from "./dto.ts";
import { toCourseFacts } from "./mapping.ts";
import { findCourse, findCourseLesson } from "./rows.ts";

/**
 * The catalogue module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** A course named by its id or slug, as the learning module acts on it (enrol, play, grade); 404 when there is none. */
export async function courseForLearner(db: Executor, ref: string): Promise<CourseFacts> {
  return toCourseFacts(await findCourse(db, ref));
}

/** A lesson of the course named by id or slug, with the course; 404 when either is not there. */
export async function lessonOfCourse(
  db: Executor,
  ref: string,
  lessonId: string,
): Promise<{ course: CourseFacts; lesson: { id: string; kind: LessonKind; required: boolean } }> {
  const { course, lesson } = await findCourseLesson(db, ref, lessonId);
  return { course: toCourseFacts(course), lesson: { id: lesson.id, kind: lesson.kind, required: lesson.required } };
}

/**
 * A quiz for a reader of the language its lesson is shown in, from one read: what the learner
 * answers, and the key grading needs, which stays on the server.
 */
export { quizForLearner } from "./quiz/learner-quiz.ts";
