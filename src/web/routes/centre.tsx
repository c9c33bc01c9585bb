import { Link } from "react-router";
import { CourseCard } from "../components/course-card.tsx";
import { listings } from "../components/listings.server.ts";
import { EventList, ProgrammeList } from "../components/listings.tsx";
import { useNetworkFormat } from "../components/network-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { StatusError } from "../components/status-error.tsx";
import { readerZone } from "../components/viewer-zone.server.ts";
import { WorldMap } from "../components/world-map.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/centre.ts";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const app = context.get(appContext);
  const { services, actor } = app;
  try {
    const centre = await services.network.getCentre(params.slug, locale);
    return {
      centre,
      canEdit: services.network.canManageCentre(actor, centre.id),
      offer: await listings(services, locale, { centre: centre.slug, courses: 6, events: 5, openOnly: false }),
      zone: readerZone(request, app),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.centre.name);
}

export const ErrorBoundary = StatusError;

export default function Centre({ loaderData }: Route.ComponentProps) {
  const { centre, canEdit, offer } = loaderData;
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

      <section aria-labelledby="centre-courses" className="home-section">
        <div className="section-head">
          <h2 id="centre-courses">{t("site.centre.courses")}</h2>
          {offer.courseTotal > offer.courses.length && (
            <Link to={`${href("/courses")}?centre=${centre.slug}`}>{t("site.centre.allCourses")}</Link>
          )}
        </div>
        {offer.courses.length > 0 ? (
          <ul className="course-grid">
            {offer.courses.map((course) => (
              <CourseCard key={course.id} course={course} headingLevel={3} />
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t("site.centre.noCourses")}</p>
        )}
      </section>
      {(offer.events.length > 0 || offer.programmes.length > 0) && (
        <div className="home-columns">
          {offer.events.length > 0 && (
            <section aria-labelledby="centre-events" className="home-section">
              <h2 id="centre-events">{t("site.centre.events")}</h2>
              <EventList events={offer.events} zone={loaderData.zone} />
            </section>
          )}
          {offer.programmes.length > 0 && (
            <section aria-labelledby="centre-programmes" className="home-section">
              <h2 id="centre-programmes">{t("site.centre.programmes")}</h2>
              <ProgrammeList programmes={offer.programmes} />
            </section>
          )}
        </div>
      )}

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
