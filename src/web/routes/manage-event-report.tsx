import { Link } from "react-router";
import type { ReportBucket } from "../../domain/events/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-event-report.ts";

/** Institutions shown in the chart; the tables list them all. */
const chartRows = 15;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const report = await services.events.report(actor, args.params.id, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  return { title: translatorFor(locale)("events.report.title", { title: report.event.title }), report };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** Horizontal bars drawn on the server, one row per institution: registered, with attended over it; no script. */
function BarChart({ rows, label }: { rows: ReportBucket[]; label: string }) {
  const t = useT();
  const format = useFormat();
  const largest = Math.max(1, ...rows.map((r) => r.registered));
  return (
    <figure className="bar-chart">
      <figcaption>{label}</figcaption>
      <ol>
        {rows.map((row) => (
          <li key={row.key}>
            <span className="bar-label">{row.label}</span>
            {/* Attributes, not styles: the CSP allows no inline styles. */}
            <svg className="chart-bar" viewBox="0 0 100 2" preserveAspectRatio="none" aria-hidden="true">
              <rect className="registered" width={(row.registered / largest) * 100} height="2" />
              <rect className="attended" y="0.5" width={(row.attended / largest) * 100} height="1" />
            </svg>
            <span className="bar-value">
              {t("events.report.registered")} {format.number(row.registered)} · {t("events.report.attended")} {format.number(row.attended)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function BucketTable({ rows, first }: { rows: ReportBucket[]; first: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <table className="stacked-table">
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">{t("events.report.registered")}</th>
          <th scope="col">{t("events.report.waitlisted")}</th>
          <th scope="col">{t("events.report.attended")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td data-label={t("events.report.registered")}>{format.number(row.registered)}</td>
            <td data-label={t("events.report.waitlisted")}>{format.number(row.waitlisted)}</td>
            <td data-label={t("events.report.attended")}>{format.number(row.attended)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ManageEventReport({ loaderData }: Route.ComponentProps) {
  const { title, report } = loaderData;
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const format = useFormat();
  const download = (kind: "csv" | "xlsx") => `/api/v1/events/${report.event.id}/report?format=${kind}&lang=${locale}`;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/events/${report.event.id}`)}>{report.event.title}</Link>
      </p>
      <h1>{title}</h1>
      <ul className="figures">
        {(["registered", "waitlisted", "attended"] as const).map((key) => (
          <li key={key} data-figure={key}>
            <span className="value">{format.number(report[key])}</span> {t(`events.report.${key}`)}
          </li>
        ))}
      </ul>
      <p className="actions">
        <a className="button secondary" href={download("csv")} download>
          {t("events.report.csv")}
        </a>
        <a className="button secondary" href={download("xlsx")} download>
          {t("events.report.xlsx")}
        </a>
      </p>
      {report.byInstitution.length > 0 && (
        <BarChart rows={report.byInstitution.slice(0, chartRows)} label={t("events.report.chartLabel")} />
      )}
      <h2>{t("events.report.byInstitution")}</h2>
      <BucketTable rows={report.byInstitution} first={t("events.regs.institution")} />
      <h2>{t("events.report.byCountry")}</h2>
      <BucketTable rows={report.byCountry} first={t("events.regs.country")} />
    </main>
  );
}
