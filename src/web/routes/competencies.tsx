import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/competencies.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const page = await services.competencies.listFrameworks(null, { status: "published", limit: 100 }, locale);
  return { title: translatorFor(locale)("competencies.list.title"), page };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

/** The published competency frameworks, each in the reader's language where its texts are ready. */
export default function Competencies({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <h1>{t("competencies.list.title")}</h1>
      <p className="lead">{t("competencies.list.lead")}</p>
      <p role="status">{t("competencies.list.count", { count: page.total })}</p>
      <ul className="course-list">
        {page.items.map((framework) => (
          <li key={framework.id} className="card course-card">
            <h2>
              <Link to={href(`/competencies/${framework.slug}`)}>
                <bdi lang={framework.shownLocale}>{framework.title}</bdi>
              </Link>
            </h2>
            <ShownLanguageNote shownLocale={framework.shownLocale} />
            <dl className="facts inline-facts">
              <div>
                <dt>{t("competencies.label.owner")}</dt>
                <dd>
                  <bdi>{framework.owner.name}</bdi>
                </dd>
              </div>
              {framework.licence && (
                <div>
                  <dt>{t("competencies.label.licence")}</dt>
                  <dd>
                    <bdi>{framework.licence}</bdi>
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </main>
  );
}
