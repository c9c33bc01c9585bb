import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/certifications.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { actor, services } = context.get(appContext);
  return {
    title: translatorFor(locale)("certifications.list.title"),
    certifications: await services.certifications.listCertifications(actor, {}, locale),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Certifications({ loaderData }: Route.ComponentProps) {
  const { certifications } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <h1>{t("certifications.list.title")}</h1>
      <p className="lead">{t("certifications.list.intro")}</p>
      {certifications.length === 0 ? (
        <p className="meta">{t("certifications.list.empty")}</p>
      ) : (
        <ul className="cards">
          {certifications.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={href(`/certifications/${c.slug}`)}>
                  <bdi lang={c.shownLocale}>{c.title}</bdi>
                </Link>
              </h2>
              <p className="meta">
                {t("certifications.list.awardedBy", { owner: c.owner.name })} ·{" "}
                {t("certifications.list.validity", { months: c.validityMonths ?? 0 })}
                {c.example && (
                  <>
                    {" "}
                    <span className="tag">{t("certifications.list.example")}</span>
                  </>
                )}
              </p>
              {c.summary && (
                <p lang={c.shownLocale} dir="auto">
                  {c.summary}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
