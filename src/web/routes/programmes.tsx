import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { Pagination } from "../components/pagination.tsx";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/programmes.ts";

const pageSize = 20;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const offset = Number(new URL(request.url).searchParams.get("offset") ?? 0);
  const page = await services.programmes.listProgrammes(
    { limit: pageSize, offset: Number.isInteger(offset) && offset > 0 ? Math.min(offset, 100_000) : 0 },
    locale,
  );
  return { title: translatorFor(locale)("programmes.list.title"), page };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Programmes({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  return (
    <main id="main" className="page">
      <h1>{t("programmes.list.title")}</h1>
      <p className="lead">{t("programmes.list.lead")}</p>
      <p role="status">{t("programmes.list.count", { count: page.total })}</p>
      <ul className="course-list">
        {page.items.map((programme) => (
          <li key={programme.id} className="card course-card">
            <h2>
              <Link to={href(`/programmes/${programme.slug}`)}>
                <bdi lang={programme.shownLocale}>{programme.title}</bdi>
              </Link>
            </h2>
            <ShownLanguageNote shownLocale={programme.shownLocale} />
            {programme.targetAudience && (
              <p>
                <bdi lang={programme.shownLocale}>{programme.targetAudience}</bdi>
              </p>
            )}
            <dl className="facts inline-facts">
              <div>
                <dt>{t("programmes.label.centre")}</dt>
                <dd>{programme.owner.name}</dd>
              </div>
              <div>
                <dt>{t("programmes.label.courses")}</dt>
                <dd>{t("programmes.list.courseCount", { count: programme.courseCount })}</dd>
              </div>
              <div>
                <dt>{t("programmes.label.nextCohort")}</dt>
                <dd>
                  {programme.nextCohort
                    ? t("programmes.list.next", {
                        date: format.day(programme.nextCohort.startsOn),
                        mode: format.mode(programme.nextCohort.enrolmentMode),
                        language: format.language(programme.nextCohort.locale),
                      })
                    : t("programmes.list.noCohort")}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <Pagination total={page.total} limit={page.limit} offset={page.offset} />
    </main>
  );
}
