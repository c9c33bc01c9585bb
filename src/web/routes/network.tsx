import { Link } from "react-router";
import { type GovernanceTermDto, governanceRoles } from "../../domain/network/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { allCentres } from "../components/network-data.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/network.ts";

/** A term as the page shows it: with the centre its holder is, or hosts, when there is one. */
type ShownTerm = GovernanceTermDto & { centre: { slug: string; name: string; hosted: boolean } | null };

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const [institutes, terms, centres, figures] = await Promise.all([
    services.network.listOrganisations({ kind: "institute", limit: 1 }, locale),
    services.network.governance(locale),
    allCentres(services, locale),
    services.network.figures(),
  ]);
  const centreOf = (holder: GovernanceTermDto["holder"]): ShownTerm["centre"] => {
    if (!holder) return null;
    const own = centres.find((c) => c.id === holder.id);
    if (own) return { slug: own.slug, name: own.name, hosted: false };
    const hosted = centres.find((c) => c.host?.id === holder.id);
    return hosted ? { slug: hosted.slug, name: hosted.name, hosted: true } : null;
  };
  const shown: ShownTerm[] = terms.map((term) => ({ ...term, centre: centreOf(term.holder) }));
  return {
    title: translatorFor(locale)("network.about.title"),
    institute: institutes.items[0] ?? null,
    figures,
    presidency: shown.filter((term) => term.role === "rotating_presidency"),
    secretariat: governanceRoles
      .filter((role) => role !== "rotating_presidency")
      .map((role) => ({ role, terms: shown.filter((term) => term.role === role) })),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

/** The holder's name, linked to the centre it is or hosts; a person's name when the post is held by one. */
function Holder({ term }: { term: ShownTerm }) {
  const href = useHref();
  const name = term.holder?.name;
  return (
    <>
      {term.holderName}
      {term.holderName && name && " · "}
      {name && term.centre ? <Link to={href(`/centres/${term.centre.slug}`)}>{name}</Link> : name}
    </>
  );
}

export default function Network({ loaderData }: Route.ComponentProps) {
  const { institute, figures, presidency, secretariat } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const names = useNetworkFormat();
  const year = (term: GovernanceTermDto) => names.partialDate(String(term.year));
  const place = institute ? [institute.city, institute.country && names.country(institute.country)].filter(Boolean).join(", ") : "";

  return (
    <main id="main" className="page network-about">
      <h1>{t("network.about.title")}</h1>
      <p className="lead">{t("network.about.lead")}</p>

      {institute && (
        <section aria-labelledby="institute-title">
          <h2 id="institute-title">{t("network.about.instituteTitle")}</h2>
          <p className="institute-name">{institute.name}</p>
          <dl className="facts">
            {place && (
              <div>
                <dt>{t("network.label.location")}</dt>
                <dd>{place}</dd>
              </div>
            )}
            {institute.website && (
              <div>
                <dt>{t("network.label.website")}</dt>
                <dd>
                  <a href={institute.website} rel="noopener">
                    {institute.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            )}
            <div>
              <dt>{t("network.home.figure.centres")}</dt>
              <dd>{format.number(figures.centres)}</dd>
            </div>
            <div>
              <dt>{t("network.home.figure.countries")}</dt>
              <dd>{format.number(figures.countries)}</dd>
            </div>
          </dl>
          <p>
            <Link to={href("/centres")}>{t("network.home.directoryLink", { count: figures.centres })}</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="governance-title">
        <h2 id="governance-title">{t("network.about.governanceTitle")}</h2>

        <h3 id="presidency-title">{t("network.governance.rotating_presidency")}</h3>
        {presidency.length === 0 ? (
          <p className="meta">{t("network.about.noPresidency")}</p>
        ) : (
          <ol className="terms" aria-labelledby="presidency-title">
            {presidency.map((term) => (
              <li key={term.id}>
                <span className="year">{year(term)}</span>
                <span>
                  <Holder term={term} />
                  {term.centre?.hosted && (
                    <>
                      <br />
                      <span className="meta">{t("network.about.hostOf", { centre: term.centre.name })}</span>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}

        <h3>{t("network.about.secretariatTitle")}</h3>
        <dl className="facts">
          {secretariat.map(({ role, terms }) => (
            <div key={role}>
              <dt>{t(`network.governance.${role}`)}</dt>
              <dd>
                {terms.length === 0 ? (
                  <span className="meta">{t("network.about.notRecorded")}</span>
                ) : (
                  <ul className="terms">
                    {terms.map((term) => (
                      <li key={term.id}>
                        <span className="year">{year(term)}</span>
                        <span>
                          <Holder term={term} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
