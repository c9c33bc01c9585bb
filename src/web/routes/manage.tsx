import { Link } from "react-router";
import { canAnywhere } from "../../domain/catalogue/permissions.ts";
import { isGlobalStaff } from "../../domain/shared/actor.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { allCentres } from "../components/network-data.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  // A centre's staff look after its smart classrooms; editing the centre is for its admin.
  const centres = (await allCentres(services, locale)).filter((c) => services.network.canManageFacilities(actor, c.id));
  const secretariat = isGlobalStaff(actor);
  // Reviewers and translators work across centres: their queues are their way in.
  const quality = {
    reviews: canAnywhere(actor, "course.review"),
    translations: canAnywhere(actor, "course.translate"),
  };
  // An institution's administrators come here for their staff report.
  const institutions = await services.programmes.reportInstitutions(actor, locale);
  const authoring = canAnywhere(actor, "course.author");
  // Everyone the header offers "Manage" to gets this page: authors too, for their courses.
  if (!secretariat && !authoring && centres.length === 0 && !quality.reviews && !quality.translations && institutions.length === 0)
    throw forbiddenPage();
  return {
    title: translatorFor(locale)("network.manage.title"),
    secretariat,
    quality,
    authoring,
    institutions: institutions.map(({ slug, name }) => ({ slug, name })),
    centres: centres.map(({ id, slug, name, kind, country }) => ({
      id,
      slug,
      name,
      kind,
      country,
      editable: services.network.canManageCentre(actor, id),
    })),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Manage({ loaderData }: Route.ComponentProps) {
  const { secretariat, centres, quality, authoring, institutions } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  return (
    <main id="main" className="page">
      <h1>{t("network.manage.title")}</h1>
      {secretariat && (
        <p className="actions">
          <Link className="button" to={href("/manage/centres/new")}>
            {t("network.manage.newCentre")}
          </Link>
          <Link className="button secondary" to={href("/manage/organisations")}>
            {t("network.manage.organisations")}
          </Link>
          <Link className="button secondary" to={href("/manage/organisations/new")}>
            {t("network.manage.newOrganisation")}
          </Link>
          <Link className="button secondary" to={href("/manage/governance")}>
            {t("network.manage.governance")}
          </Link>
          <Link className="button secondary" to={href("/manage/people")}>
            {t("identity.team.link")}
          </Link>
          <Link className="button secondary" to={href("/manage/pages")}>
            {t("site.pages.manageTitle")}
          </Link>
        </p>
      )}
      {(secretariat || centres.length > 0) && (
        <p className="actions">
          <Link className="button secondary" to={href("/manage/programmes")}>
            {t("programmes.manage.title")}
          </Link>
          <Link className="button secondary" to={href("/manage/events")}>
            {t("events.manage.title")}
          </Link>
          {(secretariat || centres.some((centre) => centre.editable)) && (
            <Link className="button secondary" to={href("/manage/mail")}>
              {t("common.failedMail.title")}
            </Link>
          )}
          <Link className="button secondary" to={href("/manage/competencies")}>
            {t("competencies.manage.title")}
          </Link>
          <Link className="button secondary" to={href("/manage/certifications")}>
            {t("certifications.manage.title")}
          </Link>
        </p>
      )}
      {authoring && (
        <p className="actions">
          <Link className="button" to={href("/manage/courses")}>
            {t("authoring.manage.link")}
          </Link>
        </p>
      )}
      {(quality.reviews || quality.translations) && (
        <p className="actions">
          {secretariat && (
            <Link className="button secondary" to={href("/manage/rubric")}>
              {t("quality.nav.rubric")}
            </Link>
          )}
          {quality.reviews && (
            <Link className="button secondary" to={href("/manage/reviews")}>
              {t("quality.nav.reviews")}
            </Link>
          )}
          {quality.translations && (
            <Link className="button secondary" to={href("/manage/translations")}>
              {t("quality.nav.translations")}
            </Link>
          )}
        </p>
      )}
      {institutions.length > 0 && (
        <section aria-labelledby="institutions-title">
          <h2 id="institutions-title">{t("programmes.institutionReport.yourInstitution")}</h2>
          <ul className="plain-list">
            {institutions.map((institution) => (
              <li key={institution.slug} className="actions">
                <strong>{institution.name}</strong>
                <Link className="button" to={href(`/manage/organisations/${institution.slug}/report`)}>
                  {t("programmes.institutionReport.link")}
                </Link>
                <Link className="button secondary" to={href("/manage/nominations")}>
                  {t("programmes.nominations.title")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(secretariat || centres.length > 0) && (
        <>
          <h2>{t(secretariat ? "network.manage.allCentres" : "network.manage.yourCentres")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("network.label.name")}</th>
                <th scope="col">{t("network.label.country")}</th>
                <ActionsColumnHeader />
              </tr>
            </thead>
            <tbody>
              {centres.map((centre) => (
                <tr key={centre.slug}>
                  <td>
                    <Link to={href(`/centres/${centre.slug}`)}>{centre.name}</Link>
                    <br />
                    <span className="meta">{names.kind(centre.kind)}</span>
                  </td>
                  <td>{names.country(centre.country)}</td>
                  <td className="row-actions">
                    {centre.editable && (
                      <>
                        <Link
                          to={href(`/manage/centres/${centre.slug}`)}
                          aria-label={t("network.manage.editCentre", { name: centre.name })}
                        >
                          {t("common.edit")}
                        </Link>{" "}
                        <Link to={href(`/manage/centres/${centre.slug}/members`)}>{t("network.manage.members")}</Link>{" "}
                        <Link to={href(`/manage/people?org=${centre.id}`)}>{t("identity.team.link")}</Link>{" "}
                      </>
                    )}
                    <Link to={href(`/manage/centres/${centre.slug}/facilities`)}>{t("network.centre.facilitiesTitle")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
