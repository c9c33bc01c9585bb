import { Link } from "react-router";
import type { LearningItemDto } from "../../domain/learning/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CourseCoverImage } from "../components/course-cover-image.tsx";
import { pageTitle } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/learning.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  return { title: translatorFor(locale)("learning.my.title"), learning: await services.learning.myLearning(actor, locale) };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

function LearningCard({ item }: { item: LearningItemDto }) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const { course, enrolment } = item;
  const completed = enrolment.status === "completed";
  return (
    <li className="card learning-card">
      <CourseCoverImage course={course} className="card-cover" />
      <h3>
        <Link to={href(`/courses/${course.slug}`)}>
          <bdi lang={course.shownLocale}>{course.title}</bdi>
        </Link>
      </h3>
      <ShownLanguageNote shownLocale={course.shownLocale} />
      <p className="meta">
        {completed && enrolment.completedAt
          ? t("learning.my.completedOn", { date: format.date(enrolment.completedAt) })
          : t("learning.progress", { done: format.number(enrolment.progress.done), required: format.number(enrolment.progress.required) })}
      </p>
      <progress
        value={enrolment.progress.done}
        max={Math.max(enrolment.progress.required, 1)}
        aria-label={t("learning.progress", {
          done: format.number(enrolment.progress.done),
          required: format.number(enrolment.progress.required),
        })}
      />
      {completed && (
        <p>
          <Link className="button" to={href(`/courses/${course.slug}/complete`)}>
            {t("learning.complete.see")}
            <span className="visually-hidden">: {course.title}</span>
          </Link>
        </p>
      )}
      {enrolment.resumeLessonId && (
        <p>
          <Link
            className={completed ? "button secondary" : "button"}
            to={href(`/courses/${course.slug}/learn/${enrolment.resumeLessonId}`)}
          >
            {completed ? t("learning.course.review") : t("learning.my.resume")}
            <span className="visually-hidden">: {course.title}</span>
          </Link>
        </p>
      )}
    </li>
  );
}

export default function MyLearning({ loaderData }: Route.ComponentProps) {
  const { inProgress, completed } = loaderData.learning;
  const t = useT();
  const href = useHref();
  const section = (id: string, title: string, items: LearningItemDto[]) =>
    items.length > 0 && (
      <section aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <ul className="cards plain">
          {items.map((item) => (
            <LearningCard key={item.course.id} item={item} />
          ))}
        </ul>
      </section>
    );
  return (
    <main id="main" className="page my-learning">
      <h1>{t("learning.my.title")}</h1>
      {inProgress.length + completed.length === 0 && (
        <p>
          {t("learning.my.empty")} <Link to={href("/courses")}>{t("learning.my.browse")}</Link>
        </p>
      )}
      {section("in-progress", t("learning.my.inProgress"), inProgress)}
      {section("completed", t("learning.my.completed"), completed)}
    </main>
  );
}
