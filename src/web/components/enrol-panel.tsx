import { Form, Link } from "react-router";
import type { EnrolmentDto } from "../../domain/learning/dto.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";

/**
 * On a course page: enrol (a plain form), continue where you left off, or sign in first. Centre
 * staff also get the page that enrols others, and authors a link to each quiz's editor.
 */
export function EnrolPanel({
  slug,
  published,
  signedIn,
  enrolment,
  quizzes,
  enrolsOthers,
}: {
  slug: string;
  published: boolean;
  signedIn: boolean;
  enrolment: EnrolmentDto | null;
  /** Quiz lessons the reader may edit. */
  quizzes: { id: string; title: string }[];
  /** Staff of the owner centre, who may enrol learners by email. */
  enrolsOthers: boolean;
}) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const coursePath = `/courses/${slug}`;
  const resume = enrolment?.resumeLessonId ? href(`${coursePath}/learn/${enrolment.resumeLessonId}`) : undefined;
  return (
    <section className="enrol-panel panel">
      {enrolment ? (
        <>
          <p>
            {enrolment.status === "completed" && enrolment.completedAt
              ? t("learning.course.completedOn", { date: format.date(enrolment.completedAt) })
              : t("learning.progress", {
                  done: format.number(enrolment.progress.done),
                  required: format.number(enrolment.progress.required),
                })}
          </p>
          {enrolment.status === "completed" && (
            <Link className="button" to={href(`${coursePath}/complete`)}>
              {t("learning.complete.see")}
            </Link>
          )}{" "}
          {resume && (
            <Link className={enrolment.status === "completed" ? "button secondary" : "button"} to={resume}>
              {enrolment.status === "completed" ? t("learning.course.review") : t("learning.course.continue")}
            </Link>
          )}
        </>
      ) : !published ? null : signedIn ? (
        <Form method="post" action={href(`${coursePath}/enrol`)}>
          <CsrfField />
          <button type="submit">{t("learning.course.enrol")}</button>
        </Form>
      ) : (
        <Link className="button" to={`${href("/sign-in")}?next=${encodeURIComponent(href(coursePath))}`}>
          {t("learning.course.signInToEnrol")}
        </Link>
      )}
      {enrolsOthers && <Link to={href(`${coursePath}/enrol`)}>{t("learning.staff.link")}</Link>}
      {quizzes.length > 0 && (
        <ul className="plain">
          {quizzes.map((quiz) => (
            <li key={quiz.id}>
              <Link to={href(`/manage${coursePath}/lessons/${quiz.id}/quiz`)}>{t("learning.course.editQuiz", { title: quiz.title })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
