import { Link } from "react-router";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/competency-crosswalk.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services, actor } = context.get(appContext);
  const view = await services.competencies.crosswalkView(actor, params.slug, params.other, locale);
  return { title: `${view.left.title} · ${view.right.title}`, view };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** Two frameworks side by side: each item of the first, and the items of the second it maps to. */
export default function CompetencyCrosswalk({ loaderData }: Route.ComponentProps) {
  const { view } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/competencies/${view.left.slug}`)}>
          <bdi>{view.left.title}</bdi>
        </Link>
      </p>
      <h1>{t("competencies.crosswalk.title")}</h1>
      <ShownLanguageNote shownLocale={view.left.shownLocale} />
      <table className="crosswalk">
        <thead>
          <tr>
            <th scope="col">
              <bdi lang={view.left.shownLocale}>{view.left.title}</bdi>
            </th>
            <th scope="col">
              <bdi lang={view.right.shownLocale}>{view.right.title}</bdi>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.item.id}>
              <th scope="row">
                {row.item.code && <span className="competency-code">{row.item.code}</span>}{" "}
                <bdi lang={row.item.shownLocale}>{row.item.title}</bdi>
              </th>
              <td>
                {row.matches.length === 0 ? (
                  <span className="meta">{t("competencies.crosswalk.none")}</span>
                ) : (
                  <ul>
                    {row.matches.map((match) => (
                      <li key={match.crosswalkId}>
                        <span className="tag">{t(`competencies.crosswalk.${match.kind}`)}</span>{" "}
                        {match.item.code && <span className="competency-code">{match.item.code}</span>}{" "}
                        <bdi lang={match.item.shownLocale}>{match.item.title}</bdi>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
