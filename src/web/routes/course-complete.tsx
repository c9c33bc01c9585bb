import { Link, redirect } from "react-router";
import type { CompletionDto } from "../../domain/learning/dto.ts";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CourseCoverImage } from "../components/course-cover-image.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ShownLanguageNote, textDirection } from "../components/shown-language-note.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/course-complete.ts";

/** The end of a course: what the learner finished, the certificate's place, and what to take next. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug } = args.params;
  let completion: CompletionDto | null;
  try {
    completion = await services.learning.completion(actor, slug, locale);
  } catch (error) {
    throw toErrorResponse(error);
  }
  // Not completed (yet): the course page says where they are.
  if (!completion) throw redirect(`/${locale}/courses/${slug}`);
  // Issued now if the minute job has not got to it yet; a failure to sign leaves the placeholder.
  const credential = await services.credentials.courseCredential(actor, completion.course.id, locale).catch(() => null);
  if (credential) completion = { ...completion, certificate: { url: `/${locale}/credentials/${credential.id}` } };
  return { completion, title: translatorFor(locale)("learning.complete.title") };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData && `${loaderData.title}: ${loaderData.completion.course.title}`);
}

export const ErrorBoundary = StatusError;

function Finished({ completion }: { completion: CompletionDto }) {
  const t = useT();
  const names = useCatalogueFormat();
  const lessons = completion.modules.flatMap((m) => m.lessons);
  const lang = completion.course.shownLocale;
  return (
    <section aria-labelledby="finished-title">
      <h2 id="finished-title">{t("learning.complete.finished")}</h2>
      <p className="meta">{t("learning.complete.lessonsDone", { done: lessons.filter((l) => l.done).length, total: lessons.length })}</p>
      <ol className="completion-modules">
        {completion.modules.map((module) => (
          <li key={module.id}>
            <bdi lang={lang}>{module.title}</bdi>
            <ul className="ticked">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className={lesson.done ? "done" : undefined}>
                  <span className="tick" aria-hidden="true">
                    {lesson.done ? "✓" : "○"}
                  </span>{" "}
                  <bdi lang={lang}>{lesson.title}</bdi> <span className="tag">{names.lessonKind(lesson.kind)}</span>
                  {lesson.done && <span className="visually-hidden"> ({t("learning.player.done")})</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {completion.quizzes.length > 0 && (
        <>
          <h3>{t("learning.complete.quizzes")}</h3>
          <ul>
            {completion.quizzes.map((quiz) => (
              <li key={quiz.lessonId}>
                <bdi lang={lang}>{quiz.title}</bdi>: {t("learning.complete.bestScore", { percent: quiz.percent / 100 })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NextCourses({ completion }: { completion: CompletionDto }) {
  const t = useT();
  const href = useHref();
  return (
    <section aria-labelledby="next-title">
      <h2 id="next-title">{t("learning.complete.next")}</h2>
      {completion.next.length === 0 ? (
        <p>{t("learning.complete.noNext")}</p>
      ) : (
        <ul className="course-list next-courses">
          {completion.next.map((course) => (
            <li key={course.id} className="card course-card">
              <CourseCoverImage course={course} className="card-cover" />
              <h3>
                <Link to={href(`/courses/${course.slug}`)}>
                  <bdi lang={course.shownLocale}>{course.title}</bdi>
                </Link>
              </h3>
              <ShownLanguageNote shownLocale={course.shownLocale} />
              {course.summary && (
                <p lang={course.summaryLocale} dir={textDirection(course.summaryLocale)}>
                  {course.summary}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={href("/courses")}>{t("learning.complete.browse")}</Link>
      </p>
    </section>
  );
}

export default function CourseComplete({ loaderData }: Route.ComponentProps) {
  const { completion } = loaderData;
  const { course } = completion;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  return (
    <main id="main" className="page course-complete">
      <p className="breadcrumb">
        <Link to={href(`/courses/${course.slug}`)}>
          <bdi lang={course.shownLocale}>{course.title}</bdi>
        </Link>
      </p>
      <h1>
        <span className="complete-tick" aria-hidden="true">
          ✓
        </span>{" "}
        {t("learning.complete.title")}
      </h1>
      <p className="lead">{t("learning.complete.lead", { title: isolate(course.title), date: format.date(completion.completedAt) })}</p>
      <section className="certificate-placeholder" aria-labelledby="certificate-title">
        <h2 id="certificate-title">{t("learning.complete.certificate")}</h2>
        {completion.certificate ? (
          <p>
            <a className="button" href={completion.certificate.url}>
              {t("learning.complete.certificateOpen")}
            </a>
          </p>
        ) : (
          <p>{t("learning.complete.certificatePending")}</p>
        )}
      </section>
      <Finished completion={completion} />
      <NextCourses completion={completion} />
      <p className="actions">
        <Link className="button secondary" to={href(`/courses/${course.slug}`)}>
          {t("learning.complete.backToCourse")}
        </Link>{" "}
        <Link className="button secondary" to={href("/learning")}>
          {t("learning.my.title")}
        </Link>
      </p>
    </main>
  );
}
