import { Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CourseCard } from "../components/course-card.tsx";
import { listings } from "../components/listings.server.ts";
import { EventList, ProgrammeList } from "../components/listings.tsx";
import { allCentres } from "../components/network-data.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { readerZone } from "../components/viewer-zone.server.ts";
import { WorldMap } from "../components/world-map.tsx";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/home.ts";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const app = context.get(appContext);
  const { services } = app;
  const [figures, eventFigures, timeline, centres, featured] = await Promise.all([
    services.network.figures(),
    services.events.figures(),
    services.network.timeline(locale),
    allCentres(services, locale),
    listings(services, locale, { courses: 4, events: 3, openOnly: true }),
  ]);
  return {
    title: translatorFor(locale)("common.tagline"),
    figures,
    eventFigures,
    timeline,
    featured,
    zone: readerZone(request, app),
    markers: centres.map(({ slug, name, latitude, longitude }) => ({ slug, name, latitude, longitude })),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { figures, eventFigures, timeline, markers, featured } = loaderData;
  const t = useT();
  const format = useFormat();
  const networkFormat = useNetworkFormat();
  const href = useHref();
  const largest = Math.max(1, ...timeline.map((entry) => entry.total));
  const shownFigures = [
    ["centres", figures.centres, "network.home.figure.centres"],
    ["countries", figures.countries, "network.home.figure.countries"],
    ["partners", figures.partnerInstitutions, "network.home.figure.partners"],
    ["classrooms", figures.smartClassrooms, "network.home.figure.classrooms"],
    ["events", eventFigures.eventsHeld, "events.home.figure.events"],
    ["educators", eventFigures.educatorsReached, "events.home.figure.educators"],
  ] as const;

  return (
    <main id="main" className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("common.appName")}</h1>
        <p className="lead">{t("common.tagline")}</p>
        <p className="hero-pitch">{t("site.home.pitch")}</p>
        {/* A plain GET to the catalogue: works without script, and the address can be shared. */}
        <search className="hero-search">
          <form method="get" action={href("/courses")}>
            <label htmlFor="home-q" className="visually-hidden">
              {t("catalogue.filter.search")}
            </label>
            <input id="home-q" name="q" type="search" maxLength={200} placeholder={t("site.home.searchPlaceholder")} />
            <button type="submit">{t("common.search")}</button>
          </form>
        </search>
      </section>

      <section aria-labelledby="home-courses" className="home-section">
        <div className="section-head">
          <h2 id="home-courses">{t("site.home.courses")}</h2>
          <Link to={href("/courses")}>{t("site.home.allCourses", { count: featured.courseTotal })}</Link>
        </div>
        <ul className="course-grid">
          {featured.courses.map((course) => (
            <CourseCard key={course.id} course={course} headingLevel={3} />
          ))}
        </ul>
      </section>

      <div className="home-columns">
        <section aria-labelledby="home-events" className="home-section">
          <div className="section-head">
            <h2 id="home-events">{t("site.home.events")}</h2>
            <Link to={href("/events")}>{t("site.home.allEvents")}</Link>
          </div>
          {featured.events.length > 0 ? (
            <EventList events={featured.events} zone={loaderData.zone} />
          ) : (
            <p className="empty-state">{t("site.home.noEvents")}</p>
          )}
        </section>
        <section aria-labelledby="home-programmes" className="home-section">
          <div className="section-head">
            <h2 id="home-programmes">{t("site.home.programmes")}</h2>
            <Link to={href("/programmes")}>{t("site.home.allProgrammes")}</Link>
          </div>
          {featured.programmes.length > 0 ? (
            <ProgrammeList programmes={featured.programmes} />
          ) : (
            <p className="empty-state">{t("site.home.noProgrammes")}</p>
          )}
        </section>
      </div>

      <h2 className="home-network-title">{t("site.home.network")}</h2>
      <p>
        <Link to={href("/network")}>{t("network.home.aboutLink")}</Link>
      </p>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="visually-hidden">
          {t("network.home.figuresTitle")}
        </h2>
        <ul className="figures">
          {shownFigures.map(([key, value, label]) => (
            <li key={key} data-figure={key}>
              <span className="value">{format.number(value)}</span> {t(label)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="map-title">
        <h2 id="map-title">{t("network.home.mapTitle")}</h2>
        <WorldMap markers={markers} label={t("network.home.mapLabel", { count: markers.length })} />
        <p>
          <Link to={href("/centres")}>{t("network.home.directoryLink", { count: figures.centres })}</Link>
        </p>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("network.home.timelineTitle")}</h2>
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.year}>
              <div className="timeline-head">
                <span className="year">{networkFormat.partialDate(String(entry.year))}</span>
                {/* An attribute, not a style: the CSP allows no inline styles. */}
                <svg className="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                  <rect width={(entry.total / largest) * 100} height="1" />
                </svg>
                <span className="summary">{t("network.home.timelineYear", { count: entry.established.length, total: entry.total })}</span>
              </div>
              {entry.established.length > 0 && (
                <ul className="meta">
                  {entry.established.map((centre) => (
                    <li key={centre.slug}>
                      <Link to={href(`/centres/${centre.slug}`)}>{centre.name}</Link> · {networkFormat.country(centre.country)} ·{" "}
                      {networkFormat.partialDate(centre.establishedOn)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
