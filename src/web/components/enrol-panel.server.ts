import type { CourseDto } from "../../domain/catalogue/dto.ts";
import type { Actor } from "../../domain/shared/actor.ts";
import type { Services } from "../../services.ts";

/** What the course page's enrol panel needs: the reader's enrolment, and the quizzes they may edit. */
export async function enrolPanelData(services: Services, actor: Actor | null, course: CourseDto) {
  const quizzes = services.quizzes.mayEdit(actor, course.owner.id)
    ? course.syllabus.flatMap((m) => m.lessons.filter((l) => l.kind === "quiz").map(({ id, title }) => ({ id, title })))
    : [];
  return {
    slug: course.slug,
    published: course.status === "published",
    signedIn: actor !== null,
    // The course as the page read it: its syllabus counts progress, so the course is not read again.
    enrolment: await services.learning.enrolmentInCourse(actor, course),
    quizzes,
    enrolsOthers: course.status === "published" && services.learning.mayEnrolOthers(actor, course.owner.id),
  };
}
