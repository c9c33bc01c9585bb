import { Link } from "react-router";
import { can } from "../../domain/catalogue/permissions.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CourseCoverImage } from "../components/course-cover-image.tsx";
import { enrolPanelData } from "../components/enrol-panel.server.ts";
import { EnrolPanel } from "../components/enrol-panel.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { FieldLanguageNote, ShownLanguageNote, textDirection } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/course.ts";

const centreKinds = new Set(["national_centre", "training_centre"]);

/** First-strong isolate marks: a title in another script inside a translated sentence keeps its order. */
const isolate = (value: string) => `\u2068${value}\u2069`;

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services, actor } = context.get(appContext);
  try {
    const { course, adaptedFrom } = await services.catalogue.getCoursePage(params.slug, locale, actor);
    return {
      course,
      enrolPanel: await enrolPanelData(services, actor, course),
      adaptedFrom,
      manageable: can(actor, "course.author", course.owner.id) || can(actor, "course.review", course.owner.id),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.course.title);
}

export const ErrorBoundary = StatusError;

export default function Course({ loaderData }: Route.ComponentProps) {
  const { course } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const names = useCatalogueFormat();
  // <bdi>: course texts keep their own direction while lining up with the page.
  const text = (value: string) => <bdi lang={course.shownLocale}>{value}</bdi>;
  const paragraphs = course.description.split(/\n\s*\n/).filter((p) => p.trim());
  const lessonCount = course.syllabus.reduce((sum, module) => sum + module.lessons.length, 0);
  const enrolment = loaderData.enrolPanel.enrolment;
  const done = new Set(enrolment?.doneLessonIds ?? []);

  return (
    <main id="main" className="page course">
      <p className="breadcrumb">
        <Link to={href("/courses")}>{t("catalogue.course.back")}</Link>
      </p>
      <h1>{text(course.title)}</h1>
      <CourseCoverImage course={course} className="course-cover" eager />
      <ShownLanguageNote shownLocale={course.shownLocale} />
      {course.status !== "published" && (
        <p className="notice draft-notice">{t("catalogue.course.unpublished", { status: names.status(course.status) })}</p>
      )}
      {loaderData.adaptedFrom && (
        <p className="adapted-from">
          <Link to={href(`/courses/${loaderData.adaptedFrom.slug}`)}>
            {t("quality.course.adaptedFrom", {
              title: isolate(loaderData.adaptedFrom.title),
              owner: isolate(loaderData.adaptedFrom.owner.name),
              licence: loaderData.adaptedFrom.licence,
            })}
          </Link>
        </p>
      )}
      {loaderData.manageable && (
        <p className="actions">
          <Link to={href(`/manage/courses/${course.slug}/review`)}>{t("quality.course.manage")}</Link>{" "}
          <Link to={href(`/manage/courses/${course.slug}/competencies`)}>{t("competencies.align.link")}</Link>
        </p>
      )}
      <FieldLanguageNote fieldLocale={course.summaryLocale} shownLocale={course.shownLocale} />
      {course.summary && (
        <p className="lead" lang={course.summaryLocale} dir={textDirection(course.summaryLocale)}>
          {course.summary}
        </p>
      )}
      <EnrolPanel {...loaderData.enrolPanel} />

      <div className="course-overview">
        <div className="course-main">
          <FieldLanguageNote fieldLocale={course.descriptionLocale} shownLocale={course.shownLocale} />
          {paragraphs.map((paragraph) => (
            <p key={paragraph} lang={course.descriptionLocale} dir={textDirection(course.descriptionLocale)}>
              {paragraph}
            </p>
          ))}

          <section aria-labelledby="syllabus-title">
            <h2 id="syllabus-title">
              {t("catalogue.course.syllabus")} <span className="meta">({t("catalogue.course.lessonCount", { count: lessonCount })})</span>
            </h2>
            {course.syllabus.length === 0 ? (
              <p className="meta">{t("catalogue.course.noSyllabus")}</p>
            ) : (
              <ol className="syllabus">
                {course.syllabus.map((module, index) => (
                  <li key={module.id}>
                    <h3>{t("catalogue.course.module", { number: format.number(index + 1), title: isolate(module.title) })}</h3>
                    <ol className="lessons">
                      {module.lessons.map((lesson) => (
                        <li key={lesson.id} className={done.has(lesson.id) ? "done" : undefined}>
                          {enrolment && (
                            // Ticks for an enrolled learner: what is done, what is left.
                            <span className="tick" aria-hidden="true">
                              {done.has(lesson.id) ? "✓ " : "○ "}
                            </span>
                          )}
                          {/* An enrolled learner goes straight to any lesson from here. */}
                          {loaderData.enrolPanel.enrolment ? (
                            <Link to={href(`/courses/${course.slug}/learn/${lesson.id}`)}>{text(lesson.title)}</Link>
                          ) : (
                            text(lesson.title)
                          )}{" "}
                          <span className="tag">{names.lessonKind(lesson.kind)}</span>
                          {!lesson.required && <span className="meta"> ({t("catalogue.course.optional")})</span>}
                          {done.has(lesson.id) && <span className="visually-hidden"> ({t("learning.player.done")})</span>}
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside className="course-facts" aria-label={course.title}>
          <dl className="facts">
            <div>
              <dt>{t("catalogue.course.owner")}</dt>
              <dd>
                {centreKinds.has(course.owner.kind) ? (
                  <Link to={href(`/centres/${course.owner.slug}`)}>{course.owner.name}</Link>
                ) : (
                  course.owner.name
                )}
              </dd>
            </div>
            {course.coCreators.length > 0 && (
              <div>
                <dt>{t("catalogue.course.coCreators")}</dt>
                <dd>
                  <ul className="plain">
                    {course.coCreators.map((c) => (
                      <li key={`${c.organisation.id}-${c.role}`}>
                        {c.organisation.name} <span className="meta">({names.role(c.role)})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            <div>
              <dt>{t("catalogue.course.languages")}</dt>
              <dd>
                <ul className="plain">
                  {course.languages.map((code) => (
                    <li key={code}>{names.language(code)}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t("catalogue.course.category")}</dt>
              <dd>{names.category(course.category)}</dd>
            </div>
            <div>
              <dt>{t("catalogue.course.level")}</dt>
              <dd>{names.level(course.level)}</dd>
            </div>
            <div>
              <dt>{t("catalogue.course.hours")}</dt>
              <dd>{t("catalogue.card.hours", { hours: course.estimatedHours })}</dd>
            </div>
            <div>
              <dt>{t("catalogue.course.licence")}</dt>
              <dd>
                <a href={`https://spdx.org/licenses/${course.licence}.html`} rel="license noopener" dir="ltr">
                  {course.licence}
                </a>
              </dd>
            </div>
            {course.subjectTags.length > 0 && (
              <div>
                <dt>{t("catalogue.course.subjects")}</dt>
                <dd>
                  {course.subjectTags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {course.publishedAt && (
              <div>
                <dt>{t("catalogue.course.published")}</dt>
                <dd>{format.date(course.publishedAt)}</dd>
              </div>
            )}
            <div>
              <dt>{t("catalogue.course.version")}</dt>
              <dd>{format.number(course.version)}</dd>
            </div>
          </dl>
        </aside>
      </div>
    </main>
  );
}
