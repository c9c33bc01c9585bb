import { Link } from "react-router";
import { sitePageSlugs } from "../../domain/network/values.ts";
import { localeNames, locales } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSecretariat } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-site-pages.ts";

/** The footer's pages, per language: which are written, and a way to write or change each. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSecretariat(args);
  const pages = await services.network.listSitePages(actor).catch((error) => {
    throw toErrorResponse(error);
  });
  return { title: translatorFor(locale)("site.pages.manageTitle"), written: pages.map((p) => `${p.slug}/${p.locale}`) };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageSitePages({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const written = new Set(loaderData.written);
  return (
    <main id="main" className="page">
      <nav aria-label={t("site.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={href("/manage")}>{t("common.nav.manage")}</Link>
          </li>
          <li aria-current="page">{t("site.pages.manageTitle")}</li>
        </ol>
      </nav>
      <h1>{t("site.pages.manageTitle")}</h1>
      <p className="lead">{t("site.pages.manageLead")}</p>
      <table className="stacked-table">
        <thead>
          <tr>
            <th scope="col">{t("site.pages.page")}</th>
            <th scope="col">{t("site.pages.languages")}</th>
          </tr>
        </thead>
        <tbody>
          {sitePageSlugs.map((slug) => (
            <tr key={slug}>
              <th scope="row">
                <Link to={href(`/pages/${slug}`)}>{t(`site.footer.${slug}`)}</Link>
              </th>
              <td data-label={t("site.pages.languages")}>
                <ul className="language-links">
                  {locales.map((l) => (
                    <li key={l}>
                      <Link to={href(`/manage/pages/${slug}/${l}`)}>
                        <span lang={l}>{localeNames[l]}</span>
                        {written.has(`${slug}/${l}`) ? null : (
                          <>
                            {" "}
                            <span className="badge warn">{t("site.pages.missing")}</span>
                          </>
                        )}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
