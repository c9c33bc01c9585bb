import { Link } from "react-router";
import { CohortTable } from "../components/cohort-table.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/programme.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services, actor } = context.get(appContext);
  try {
    return { programme: await services.programmes.getProgramme(params.slug, locale, actor) };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.programme.title);
}

export const ErrorBoundary = StatusError;

export default function Programme({ loaderData }: Route.ComponentProps) {
  const { programme } = loaderData;
  const t = useT();
  const href = useHref();
  const text = (value: string) => <bdi lang={programme.shownLocale}>{value}</bdi>;
  const paragraphs = programme.description.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/programmes")}>{t("programmes.programme.back")}</Link>
      </p>
      <h1>{text(programme.title)}</h1>
      <ShownLanguageNote shownLocale={programme.shownLocale} />
      {programme.canManage && (
        <p className="actions">
          <Link className="button secondary" to={href(`/manage/programmes/${programme.slug}`)}>
            {t("programmes.programme.manage")}
          </Link>
        </p>
      )}
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{text(paragraph)}</p>
      ))}
      <dl className="facts inline-facts">
        <div>
          <dt>{t("programmes.label.centre")}</dt>
          <dd>
            <Link to={href(`/centres/${programme.owner.slug}`)}>{programme.owner.name}</Link>
          </dd>
        </div>
        {programme.targetAudience && (
          <div>
            <dt>{t("programmes.label.audience")}</dt>
            <dd>{text(programme.targetAudience)}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t("programmes.label.courses")}</h2>
        <ol className="syllabus">
          {programme.courses.map((course) => (
            <li key={course.id}>
              <Link to={href(`/courses/${course.slug}`)}>
                <bdi lang={course.shownLocale}>{course.title}</bdi>
              </Link>{" "}
              <span className="tag">{t(course.required ? "programmes.course.required" : "programmes.course.optional")}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t("programmes.programme.cohorts")}</h2>
        {programme.cohorts.length === 0 ? (
          <p className="meta">{t("programmes.list.noCohort")}</p>
        ) : (
          <CohortTable programmeSlug={programme.slug} cohorts={programme.cohorts} />
        )}
      </section>
    </main>
  );
}
