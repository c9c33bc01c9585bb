import { Link } from "react-router";
import { useNetworkFormat } from "../components/network-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { StatusError } from "../components/status-error.tsx";
import { WorldMap } from "../components/world-map.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/centre.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services, actor } = context.get(appContext);
  try {
    const centre = await services.network.getCentre(params.slug, locale);
    return { centre, canEdit: services.network.canManageCentre(actor, centre.id) };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.centre.name);
}

export const ErrorBoundary = StatusError;

export default function Centre({ loaderData }: Route.ComponentProps) {
  const { centre, canEdit } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  const place = [centre.city, names.country(centre.country)].filter(Boolean).join(", ");

  return (
    <main id="main" className="page centre">
      <p className="breadcrumb">
        <Link to={href("/centres")}>{t("network.directory.title")}</Link>
      </p>
      <h1>{centre.name}</h1>
      <p className="lead">
        {centre.ordinal ? t("network.centre.ordinal", { kind: centre.kind, ordinal: centre.ordinal }) : names.kind(centre.kind)}
        {centre.status !== "active" && <span className="tag status">{names.status(centre.status)}</span>}
      </p>
      {canEdit && (
        <p>
          <Link className="button secondary" to={href(`/manage/centres/${centre.slug}`)}>
            {t("network.centre.edit")}
          </Link>
        </p>
      )}

      <div className="centre-overview">
        <dl className="facts">
          {centre.host && (
            <div>
              <dt>{t("network.label.host")}</dt>
              <dd>{centre.host.name}</dd>
            </div>
          )}
          <div>
            <dt>{t("network.label.location")}</dt>
            <dd>
              {place} · {names.subregion(centre.subregion)}
            </dd>
          </div>
          {centre.establishedOn && (
            <div>
              <dt>{t("network.label.established")}</dt>
              <dd>{names.partialDate(centre.establishedOn)}</dd>
            </div>
          )}
          {centre.languages.length > 0 && (
            <div>
              <dt>{t("network.label.languages")}</dt>
              <dd>{centre.languages.map(names.language).join(", ")}</dd>
            </div>
          )}
          {centre.operator && (
            <div>
              <dt>{t("network.label.operator")}</dt>
              <dd>{centre.operator.name}</dd>
            </div>
          )}
          {centre.website && (
            <div>
              <dt>{t("network.label.website")}</dt>
              <dd>
                <a href={centre.website} rel="noopener">
                  {centre.website.replace(/^https?:\/\//, "")}
                </a>
              </dd>
            </div>
          )}
        </dl>
        <WorldMap markers={[centre]} highlight={centre.slug} label={t("network.centre.mapLabel", { place })} />
      </div>

      {centre.foundingPartners.length > 0 && (
        <section aria-labelledby="partners-title">
          <h2 id="partners-title">{t("network.label.foundingPartners")}</h2>
          <ul>
            {centre.foundingPartners.map((partner) => (
              <li key={partner.id}>{partner.name}</li>
            ))}
          </ul>
        </section>
      )}

      {centre.focusAreas.length > 0 && (
        <section aria-labelledby="focus-title">
          <h2 id="focus-title">{t("network.label.focusAreas")}</h2>
          <ul>
            {centre.focusAreas.map((area) => (
              <li key={area}>{area}</li>
            ))}
          </ul>
        </section>
      )}

      {centre.facilities.length > 0 && (
        <section aria-labelledby="facilities-title">
          <h2 id="facilities-title">{t("network.centre.facilitiesTitle")}</h2>
          <ul className="cards">
            {centre.facilities.map((facility) => (
              <li key={facility.id} className="card">
                <h3>{facility.name}</h3>
                <p className="meta">{t(`network.facility.${facility.kind}`)}</p>
                {facility.inauguratedOn && <p>{t("network.centre.inaugurated", { date: names.partialDate(facility.inauguratedOn) })}</p>}
                {facility.partners.length > 0 && <p>{t("network.centre.facilityPartners", { partners: facility.partners.join(", ") })}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("network.centre.membersTitle", { count: centre.members.length })}</h2>
        {centre.members.length === 0 ? (
          <p className="meta">{t("network.centre.noMembers")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("network.label.institution")}</th>
                <th scope="col">{t("network.label.country")}</th>
                <th scope="col">{t("network.label.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {centre.members.map((member) => (
                <tr key={member.organisation.id}>
                  <td>{member.organisation.name}</td>
                  <td>{member.organisation.country ? names.country(member.organisation.country) : ""}</td>
                  <td>{member.joinedOn ? names.partialDate(member.joinedOn) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
