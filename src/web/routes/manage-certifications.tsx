import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-certifications.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const staff = actor.roles.some((g) => g.role !== "learner");
  if (!staff) throw forbiddenPage();
  return {
    title: translatorFor(locale)("certifications.manage.title"),
    certifications: await services.certifications.listCertifications(actor, { managed: true }, locale),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageCertifications({ loaderData }: Route.ComponentProps) {
  const { certifications } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("certifications.manage.title")}</h1>
      <p className="actions">
        <Link className="button" to={href("/manage/assessments")}>
          {t("certifications.manage.queue")}
        </Link>
      </p>
      <p className="meta">{t("certifications.manage.apiNote")}</p>
      {certifications.length === 0 ? (
        <p className="meta">{t("certifications.manage.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("certifications.list.title")}</th>
              <th scope="col">{t("certifications.awards.statusLabel")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {certifications.map((c) => (
              <tr key={c.id}>
                <td data-label={t("certifications.list.title")}>
                  <Link to={href(`/certifications/${c.slug}`)}>
                    <bdi lang={c.shownLocale}>{c.title}</bdi>
                  </Link>
                  <br />
                  <span className="meta">{c.owner.name}</span>
                </td>
                <td data-label={t("certifications.awards.statusLabel")}>{t("certifications.manage.status", { status: c.status })}</td>
                <td className="row-actions">
                  <Link to={href(`/manage/certifications/${c.slug}`)}>{t("certifications.manage.awards")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
