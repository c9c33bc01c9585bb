import { Link } from "react-router";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { BarChart, type BarSeries } from "../components/bar-chart.tsx";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-cohort-report.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const report = await services.programmes.cohortReport(actor, args.params.cohortId, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  return { title: translatorFor(locale)("programmes.report.pageTitle", { name: report.cohort.name }), report };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function CohortReport({ loaderData }: Route.ComponentProps) {
  const { report } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  const series: BarSeries[] = [
    { label: t("programmes.report.nominated"), colour: "#8a9bb0" },
    { label: t("programmes.report.enrolled"), colour: "#1f6f8b" },
    { label: t("programmes.report.completed"), colour: "#2e8540" },
  ];
  const values = (c: { nominated: number; enrolled: number; completed: number }) => [c.nominated, c.enrolled, c.completed];
  const download = (format: string) => href(`/manage/cohorts/${report.cohort.id}/report/${format}`);

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("common.nav.manage")}</Link>
      </p>
      <h1>{t("programmes.report.pageTitle", { name: isolate(report.cohort.name) })}</h1>
      <p className="meta">
        <bdi>{report.cohort.programmeTitle}</bdi> · <bdi>{format.dates(report.cohort.startsOn, report.cohort.endsOn)}</bdi>
        {report.scope === "institution" && <> · {t("programmes.report.ownStaff")}</>}
      </p>
      <p className="actions">
        <a className="button secondary" href={download("csv")} download>
          {t("programmes.report.downloadCsv")}
        </a>{" "}
        <a className="button secondary" href={download("xlsx")} download>
          {t("programmes.report.downloadXlsx")}
        </a>
      </p>

      <ul className="figures">
        <li>
          <span className="value">{numbers.number(report.totals.nominated)}</span> {t("programmes.report.nominated")}
        </li>
        <li>
          <span className="value">{numbers.number(report.totals.enrolled)}</span> {t("programmes.report.enrolled")}
        </li>
        {report.totals.withdrawn > 0 && (
          <li>
            <span className="value">{numbers.number(report.totals.withdrawn)}</span> {t("programmes.report.withdrawn")}
          </li>
        )}
        <li>
          <span className="value">{numbers.number(report.totals.completed)}</span> {t("programmes.report.completed")}
        </li>
        <li>
          <span className="value">{numbers.number(report.totals.coursesCompleted)}</span> {t("programmes.report.coursesCompleted")}
        </li>
        {report.sessionsTotal > 0 && (
          <li>
            <span className="value">{numbers.number(report.totals.sessionsAttended)}</span> {t("programmes.report.column.sessionsAttended")}
          </li>
        )}
      </ul>

      <BarChart
        caption={t("programmes.report.byInstitution")}
        series={series}
        rows={report.byInstitution.map((row) => ({
          key: row.institution?.id ?? "none",
          label: row.institution?.name ?? t("programmes.report.noInstitution"),
          values: values(row),
        }))}
      />
      <BarChart
        caption={t("programmes.report.byCountry")}
        series={series}
        rows={report.byCountry.map((row) => ({ key: row.country ?? "none", label: format.country(row.country), values: values(row) }))}
      />

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("programmes.report.people", { count: report.people.length })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("programmes.report.column.name")}</th>
              <th scope="col">{t("programmes.report.column.institution")}</th>
              <th scope="col">{t("programmes.report.column.nomination")}</th>
              <th scope="col">{t("programmes.report.column.enrolled")}</th>
              <th scope="col">{t("programmes.report.column.coursesCompleted")}</th>
              {report.sessionsTotal > 0 && <th scope="col">{t("programmes.report.column.sessionsAttended")}</th>}
            </tr>
          </thead>
          <tbody>
            {report.people.map((person) => (
              <tr key={person.email}>
                <td>
                  {person.name}
                  <br />
                  <span className="meta">{person.email}</span>
                </td>
                <td>{person.institution || t("programmes.report.noInstitution")}</td>
                <td>{person.nomination ? format.nominationStatus(person.nomination) : "—"}</td>
                <td>
                  {t(
                    person.enrolled
                      ? "programmes.report.yes"
                      : person.withdrawn
                        ? "programmes.report.column.withdrawn"
                        : "programmes.report.no",
                  )}
                </td>
                <td>
                  {t("programmes.progress.courses", {
                    done: numbers.number(person.coursesCompleted),
                    total: numbers.number(person.coursesTotal),
                  })}
                </td>
                {report.sessionsTotal > 0 && (
                  <td>
                    {t("programmes.progress.courses", {
                      done: numbers.number(person.sessionsAttended),
                      total: numbers.number(person.sessionsTotal),
                    })}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
