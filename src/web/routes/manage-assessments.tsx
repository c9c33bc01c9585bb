import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-assessments.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    return {
      title: translatorFor(locale)("certifications.queue.title"),
      queue: await services.certifications.evidenceQueue(actor, locale),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageAssessments({ loaderData }: Route.ComponentProps) {
  const { queue } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage/certifications")}>{t("certifications.manage.title")}</Link>
      </p>
      <h1>{t("certifications.queue.title")}</h1>
      {queue.length === 0 ? (
        <p className="meta">{t("certifications.queue.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("certifications.queue.learner")}</th>
              <th scope="col">{t("certifications.queue.task")}</th>
              <th scope="col">{t("certifications.queue.submitted")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {queue.map((e) => (
              <tr key={e.id}>
                <td data-label={t("certifications.queue.learner")}>
                  <bdi>{e.learner.name}</bdi>
                </td>
                <td data-label={t("certifications.queue.task")}>
                  <bdi>{e.conditionTitle || e.certificationTitle}</bdi>
                  <br />
                  <bdi className="meta">{e.certificationTitle}</bdi>
                </td>
                <td data-label={t("certifications.queue.submitted")}>{format.date(e.submittedAt, { dateStyle: "medium" })}</td>
                <td className="row-actions">
                  <Link to={href(`/manage/assessments/${e.id}`)}>
                    {t("certifications.queue.assess")}
                    <span className="visually-hidden"> {e.learner.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
