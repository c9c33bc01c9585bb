import { Form, Link } from "react-router";
import type { InstitutionReportDto } from "../../domain/programmes/dto.ts";
import type { InstitutionReportFilters } from "../../domain/programmes/validation.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { translateError } from "../../i18n/error-messages.ts";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { BarChart, type BarSeries } from "../components/bar-chart.tsx";
import { type FieldErrors, SelectField, TextField } from "../components/form-fields.tsx";
import { reportFilters } from "../components/institution-report.server.ts";
import { useProgrammeFormat } from "../components/programme-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-institution-report.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const filters = reportFilters(new URL(args.request.url));
  const report = (f: InstitutionReportFilters) => services.programmes.institutionReport(actor, args.params.slug, f, locale);
  let errors: FieldErrors = {};
  let shown: InstitutionReportDto;
  try {
    shown = await report(filters);
  } catch (error) {
    if (!isDomainError(error) || error.code !== "validation_failed") throw toErrorResponse(error);
    // Dates typed wrong: say so beside the fields and show the report without them.
    errors = Object.fromEntries(translateError(error, locale).fields.map((f) => [f.path, f.message]));
    shown = await report({ programme: filters.programme }).catch((again) => {
      throw toErrorResponse(again);
    });
  }
  const title = translatorFor(locale)("programmes.institutionReport.pageTitle", { name: shown.institution.name });
  // Registrations in the institution's name count once it confirms them: say how many wait.
  const pending = (await services.events.pendingAffiliations(actor, shown.institution.slug, locale)).length;
  return { title, report: shown, errors, pending, typed: { from: filters.from ?? "", to: filters.to ?? "" } };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** An institution's staff in Orbis: for its administrators and the secretariat. */
export default function InstitutionReport({ loaderData }: Route.ComponentProps) {
  const { report, errors, typed, pending } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  const base = `/manage/organisations/${report.institution.slug}/report`;
  const applied = Object.entries({ from: report.filters.from, to: report.filters.to, programme: report.filters.programme?.slug }).filter(
    (entry): entry is [string, string] => !!entry[1],
  );
  const filtered = applied.length > 0;
  // The downloads carry the filters the page shows (not dates it refused).
  const query = filtered ? `?${new URLSearchParams(applied)}` : "";
  const status = (s: InstitutionReportDto["people"][number]["cohorts"][number]["status"]) =>
    s === "enrolled" ? t("programmes.institutionReport.enrolled") : format.nominationStatus(s);
  const month = (key: string) => numbers.date(`${key}-01T00:00:00Z`, { month: "long", year: "numeric" });
  const programmeSeries: BarSeries[] = [
    { label: t("programmes.report.nominated"), colour: "#8a9bb0" },
    { label: t("programmes.report.enrolled"), colour: "#1f6f8b" },
    { label: t("programmes.report.completed"), colour: "#2e8540" },
  ];
  const monthSeries: BarSeries[] = [
    { label: t("programmes.report.nominated"), colour: "#8a9bb0" },
    { label: t("programmes.report.enrolled"), colour: "#1f6f8b" },
    { label: t("programmes.institutionReport.chart.eventsAttended"), colour: "#b35c00" },
  ];
  const figures: [number, string][] = [
    [report.totals.people, t("programmes.institutionReport.figure.people")],
    [report.totals.nominated, t("programmes.institutionReport.figure.nominated")],
    [report.totals.enrolled, t("programmes.institutionReport.figure.enrolled")],
    [report.totals.completedProgramme, t("programmes.institutionReport.figure.completed")],
    [report.totals.eventRegistrations, t("programmes.institutionReport.figure.eventRegistrations")],
    [report.totals.eventsAttended, t("programmes.institutionReport.figure.eventsAttended")],
  ];

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("common.nav.manage")}</Link>
      </p>
      <h1>{t("programmes.institutionReport.pageTitle", { name: isolate(report.institution.name) })}</h1>
      <p className="lead">{t("programmes.institutionReport.lead")}</p>
      <p>
        <Link to={href(`/manage/organisations/${report.institution.slug}/affiliations`)}>
          {t("events.affiliations.link", { count: pending })}
        </Link>
      </p>

      <Form method="get" className="filters" role="search" aria-label={t("common.filter")}>
        <TextField
          idPrefix="filter"
          type="date"
          name="from"
          label={t("programmes.institutionReport.from")}
          defaultValue={typed.from}
          errors={errors}
        />
        <TextField
          idPrefix="filter"
          type="date"
          name="to"
          label={t("programmes.institutionReport.to")}
          defaultValue={typed.to}
          errors={errors}
        />
        <SelectField
          idPrefix="filter"
          name="programme"
          label={t("programmes.institutionReport.programme")}
          defaultValue={report.filters.programme?.slug ?? ""}
          emptyLabel={t("programmes.institutionReport.allProgrammes")}
          options={report.programmes.map((p) => ({ value: p.slug, label: p.title }))}
        />
        <div className="filter-actions">
          <button type="submit">{t("common.filter")}</button>
          {filtered && <Link to={href(base)}>{t("common.clearFilters")}</Link>}
        </div>
      </Form>

      <p className="actions">
        <a className="button secondary" href={`${href(`${base}/csv`)}${query}`} download>
          {t("programmes.report.downloadCsv")}
        </a>{" "}
        <a className="button secondary" href={`${href(`${base}/xlsx`)}${query}`} download>
          {t("programmes.report.downloadXlsx")}
        </a>
      </p>

      <ul className="figures compact-figures">
        {figures.map(([value, label]) => (
          <li key={label}>
            <span className="value">{numbers.number(value)}</span> {label}
          </li>
        ))}
      </ul>

      {report.byProgramme.length > 0 && (
        <section className="table-scroll" aria-label={t("programmes.institutionReport.byProgramme")}>
          <BarChart
            caption={t("programmes.institutionReport.byProgramme")}
            series={programmeSeries}
            rows={report.byProgramme.map((row) => ({
              key: row.programme.id,
              label: row.programme.title,
              values: [row.nominated, row.enrolled, row.completed],
            }))}
          />
        </section>
      )}
      {report.byMonth.length > 0 && (
        <section className="table-scroll" aria-label={t("programmes.institutionReport.byMonth")}>
          <BarChart
            caption={t("programmes.institutionReport.byMonth")}
            series={monthSeries}
            rows={report.byMonth.map((row) => ({
              key: row.month,
              label: month(row.month),
              values: [row.nominated, row.enrolled, row.eventsAttended],
            }))}
          />
        </section>
      )}

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("programmes.report.people", { count: report.people.length })}</h2>
        {report.people.length === 0 ? (
          <p className="meta">{t("programmes.institutionReport.none")}</p>
        ) : (
          <table className="stacked-table">
            <thead>
              <tr>
                <th scope="col">{t("programmes.institutionReport.column.person")}</th>
                <th scope="col">{t("programmes.institutionReport.column.cohorts")}</th>
                <th scope="col">{t("programmes.institutionReport.column.events")}</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">
                    {person.name}
                    <br />
                    <span className="meta">{person.email}</span>
                    {(person.department || person.jobTitle) && (
                      <>
                        <br />
                        <span className="meta">{[person.jobTitle, person.department].filter(Boolean).join(" · ")}</span>
                      </>
                    )}
                  </th>
                  <td data-label={t("programmes.institutionReport.column.cohorts")}>
                    {person.cohorts.length === 0 ? (
                      <span className="meta">{t("programmes.institutionReport.noCohorts")}</span>
                    ) : (
                      <ul className="plain-list">
                        {person.cohorts.map((c) => (
                          <li key={c.cohortId}>
                            <bdi>{c.programme.title}</bdi> — <bdi>{c.cohortName}</bdi> <span className="tag">{status(c.status)}</span>
                            {c.coursesTotal + c.sessionsTotal > 0 && (c.status === "enrolled" || c.status === "withdrawn") && (
                              <>
                                <br />
                                <span className="meta">
                                  {t("programmes.institutionReport.progress", {
                                    courses: t("programmes.progress.courses", {
                                      done: numbers.number(c.coursesCompleted),
                                      total: numbers.number(c.coursesTotal),
                                    }),
                                    sessions: t("programmes.progress.courses", {
                                      done: numbers.number(c.sessionsAttended),
                                      total: numbers.number(c.sessionsTotal),
                                    }),
                                  })}
                                </span>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t("programmes.institutionReport.column.events")}>
                    {person.events.registered + person.events.waitlisted === 0 ? (
                      <span className="meta">{t("programmes.institutionReport.noEvents")}</span>
                    ) : (
                      <>
                        {t("programmes.institutionReport.events", {
                          registered: numbers.number(person.events.registered),
                          waitlisted: numbers.number(person.events.waitlisted),
                          attended: numbers.number(person.events.attended),
                        })}
                        {person.events.lastAttendedAt && (
                          <>
                            <br />
                            <span className="meta">
                              {t("programmes.institutionReport.lastAttended", {
                                date: numbers.date(person.events.lastAttendedAt, { dateStyle: "medium" }),
                              })}
                            </span>
                          </>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
