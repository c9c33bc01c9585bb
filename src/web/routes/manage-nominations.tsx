import { Link } from "react-router";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-nominations.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const [cohorts, institutions] = await Promise.all([
    services.programmes.nominationCohorts(actor, locale),
    services.programmes.reportInstitutions(actor, locale),
  ]).catch((error) => {
    throw toErrorResponse(error);
  });
  return {
    title: translatorFor(locale)("programmes.nominations.title"),
    cohorts,
    institutions: institutions.map(({ slug, name }) => ({ slug, name })),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** Institution administrators' start: the cohorts that take nominations now. */
export default function Nominations({ loaderData }: Route.ComponentProps) {
  const { cohorts, institutions } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  return (
    <main id="main" className="page">
      <h1>{t("programmes.nominations.title")}</h1>
      <p className="lead">{t("programmes.nominations.lead")}</p>
      {institutions.length > 0 && (
        <p className="actions">
          {institutions.map((institution) => (
            <Link key={institution.slug} className="button secondary" to={href(`/manage/organisations/${institution.slug}/report`)}>
              {institutions.length > 1
                ? t("programmes.institutionReport.pageTitle", { name: isolate(institution.name) })
                : t("programmes.institutionReport.link")}
            </Link>
          ))}
        </p>
      )}
      {cohorts.length === 0 ? (
        <p className="meta">{t("programmes.nominations.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("programmes.label.programme")}</th>
              <th scope="col">{t("programmes.label.cohort")}</th>
              <th scope="col">{t("programmes.label.dates")}</th>
              <th scope="col">{t("programmes.label.language")}</th>
              <th scope="col">{t("programmes.label.seats")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {cohorts.map((cohort) => (
              <tr key={cohort.id}>
                <td>
                  <Link to={href(`/programmes/${cohort.programmeSlug}`)}>{cohort.programmeTitle}</Link>
                </td>
                <td>{cohort.name}</td>
                <td>{format.dates(cohort.startsOn, cohort.endsOn)}</td>
                <td>{format.language(cohort.locale)}</td>
                <td>
                  {t("programmes.cohort.seats", { left: numbers.number(cohort.seatsLeft), capacity: numbers.number(cohort.capacity) })}
                </td>
                <td className="row-actions">
                  <Link to={href(`/manage/cohorts/${cohort.id}/nominate`)}>{t("programmes.cohort.nominate")}</Link>{" "}
                  <Link to={href(`/manage/cohorts/${cohort.id}/report`)}>{t("programmes.report.title")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
