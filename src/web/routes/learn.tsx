import { Form, Link, redirect } from "react-router";
import type { LessonMediaDto } from "../../domain/catalogue/dto.ts";
import type { PlayerDto } from "../../domain/learning/dto.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { actionFailure } from "../action-errors.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CsrfField } from "../components/csrf.tsx";
import { formText } from "../components/form-values.server.ts";
import { answersFrom } from "../components/quiz-form.server.ts";
import { QuizSection } from "../components/quiz-view.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { FieldLanguageNote, ShownLanguageNote, textDirection } from "../components/shown-language-note.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/learn.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug, lessonId } = args.params;
  try {
    return { player: await services.learning.player(actor, slug, lessonId, locale) };
  } catch (error) {
    // Not enrolled (yet): the course page is where to enrol.
    if (isDomainError(error) && error.code === "not_enrolled") throw redirect(`/${locale}/courses/${slug}`);
    throw toErrorResponse(error);
  }
}

/** Two forms post here: "mark as done" and a quiz attempt. Both come back to this lesson (PRG). */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug, lessonId } = args.params;
  const form = await args.request.formData();
  const here = `/${locale}/courses/${slug}/learn/${lessonId}`;
  try {
    if (formText(form, "intent") === "attempt") {
      await services.learning.submitAttempt(actor, slug, lessonId, { answers: answersFrom(form) }, locale);
      return redirect(`${here}#result`);
    }
    const before = await services.learning.enrolmentIn(actor, slug);
    const after = await services.learning.markDone(actor, slug, lessonId);
    // The lesson that completes the course leads to the course's end.
    if (before?.status !== "completed" && after.status === "completed") return redirect(`/${locale}/courses/${slug}/complete`);
  } catch (error) {
    return actionFailure(error, locale);
  }
  return redirect(here);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.player.lesson.title);
}

export const ErrorBoundary = StatusError;

/** Bytes as the reader's locale writes kilobytes or megabytes. */
function useByteSize() {
  const locale = useLocale();
  return (bytes: number) => {
    const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [Math.max(bytes / 1000, 1), "kilobyte"];
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
  };
}

function LessonMedia({ media, shownLocale }: { media: LessonMediaDto; shownLocale: string }) {
  const t = useT();
  const names = useCatalogueFormat();
  const size = useByteSize();
  const video = media.video;
  return (
    <>
      {video && "externalUrl" in video && (
        <p>
          <a className="button secondary" href={video.externalUrl} rel="noopener noreferrer" target="_blank">
            {t("learning.player.externalVideo")}
          </a>
        </p>
      )}
      {video && "url" in video && (
        // biome-ignore lint/a11y/useMediaCaption: captions come as <track>s when the lesson has them
        <video controls preload="metadata" className="lesson-video">
          <source src={video.url} type={video.mimeType} />
          {media.captions.map((c) => (
            <track
              key={c.locale}
              kind="subtitles"
              src={c.url}
              srcLang={c.locale}
              label={names.language(c.locale)}
              default={c.locale === shownLocale}
            />
          ))}
          <a href={video.url}>{t("learning.player.downloadVideo")}</a>
        </video>
      )}
      {media.downloads.length > 0 && (
        <section aria-labelledby="downloads-title">
          <h2 id="downloads-title">{t("learning.player.downloads")}</h2>
          <ul className="downloads">
            {media.downloads.map((d) => (
              <li key={d.url}>
                <a href={d.url} download>
                  <bdi>{d.name}</bdi>
                </a>{" "}
                <span className="meta">
                  ({size(d.byteSize)}
                  {d.locale ? `, ${names.language(d.locale)}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The course's lessons with ticks for those done; after the lesson in the page, so phones show the lesson first. */
function SyllabusNav({ player }: { player: PlayerDto }) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const { progress } = player.enrolment;
  return (
    <nav className="learn-syllabus" aria-labelledby="contents-title">
      <h2 id="contents-title">{t("learning.player.contents")}</h2>
      <p className="meta">
        {t("learning.progress", { done: format.number(progress.done), required: format.number(progress.required) })}{" "}
        <progress value={progress.done} max={Math.max(progress.required, 1)} />
      </p>
      <ol className="syllabus-modules">
        {player.syllabus.map((module) => (
          <li key={module.id}>
            <bdi lang={player.course.shownLocale}>{module.title}</bdi>
            <ol className="syllabus-lessons">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className={lesson.done ? "done" : undefined}>
                  <Link
                    className="lesson-link"
                    to={href(`/courses/${player.course.slug}/learn/${lesson.id}`)}
                    aria-current={lesson.id === player.lesson.id ? "page" : undefined}
                  >
                    <span className="tick" aria-hidden="true">
                      {lesson.done ? "✓" : "○"}
                    </span>{" "}
                    <bdi lang={player.course.shownLocale}>{lesson.title}</bdi>
                    {lesson.done && <span className="visually-hidden"> ({t("learning.player.done")})</span>}
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function Learn({ loaderData, actionData }: Route.ComponentProps) {
  const { player } = loaderData;
  const { lesson, course } = player;
  const t = useT();
  const href = useHref();
  const lessonHref = (id: string) => href(`/courses/${course.slug}/learn/${id}`);
  const formError = actionData && !actionData.ok ? actionData.formError : undefined;
  const completeHref = href(`/courses/${course.slug}/complete`);
  const onward =
    player.enrolment.status === "completed"
      ? { href: completeHref, label: t("learning.complete.title") }
      : player.next
        ? { href: lessonHref(player.next.id), label: t("learning.player.next") }
        : undefined;

  return (
    <main id="main" className="page learn">
      <p className="breadcrumb">
        <Link to={href(`/courses/${course.slug}`)}>
          <bdi lang={course.shownLocale}>{course.title}</bdi>
        </Link>
      </p>
      {player.enrolment.status === "completed" && (
        <p className="notice">
          {t("learning.player.courseCompleted")} <Link to={completeHref}>{t("learning.complete.see")}</Link>
        </p>
      )}
      <div className="learn-layout">
        <article className="lesson">
          <h1>
            <bdi lang={lesson.shownLocale}>{lesson.title}</bdi>
          </h1>
          <ShownLanguageNote shownLocale={lesson.shownLocale} />
          <LessonMedia media={lesson.media} shownLocale={lesson.shownLocale} />
          <FieldLanguageNote fieldLocale={lesson.bodyLocale} shownLocale={lesson.shownLocale} />
          {lesson.bodyHtml && (
            // The body was sanitised on write and again on read (src/domain/catalogue/rich-text.ts).
            <div
              className="lesson-body"
              lang={lesson.bodyLocale}
              dir={textDirection(lesson.bodyLocale)}
              dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }}
            />
          )}
          {player.quiz ? (
            <QuizSection quiz={player.quiz} formError={formError} onward={onward} />
          ) : player.done ? (
            <p className="notice done-notice">✓ {t("learning.player.isDone")}</p>
          ) : (
            <Form method="post" className="mark-done">
              <CsrfField />
              <input type="hidden" name="intent" value="done" />
              {formError && (
                <p className="form-error" role="alert">
                  {formError}
                </p>
              )}
              <button type="submit">{t("learning.player.markDone")}</button>
            </Form>
          )}
          <nav className="lesson-nav" aria-label={t("learning.player.lessonNav")}>
            {player.previous && (
              <Link className="button secondary" rel="prev" to={lessonHref(player.previous.id)}>
                <span className="arrow" aria-hidden="true">
                  ←
                </span>{" "}
                {t("learning.player.previous")}
                <span className="visually-hidden">: {player.previous.title}</span>
              </Link>
            )}
            {player.next && (
              <Link className="button secondary next" rel="next" to={lessonHref(player.next.id)}>
                {t("learning.player.next")}
                <span className="visually-hidden">: {player.next.title}</span>{" "}
                <span className="arrow" aria-hidden="true">
                  →
                </span>
              </Link>
            )}
          </nav>
        </article>
        <SyllabusNav player={player} />
      </div>
    </main>
  );
}
