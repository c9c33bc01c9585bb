import { data, Link } from "react-router";
import { eventKinds } from "../../domain/events/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useEventFormat } from "../components/event-format.ts";
import { FilterForm, FilterSelect } from "../components/filter-form.tsx";
import { allCentres } from "../components/network-data.server.ts";
import { Pagination } from "../components/pagination.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { TimeZoneForm } from "../components/time-zone-form.tsx";
import { viewerZone } from "../components/viewer-zone.server.ts";
import { appContext } from "../context.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/events.ts";

const pageSize = 20;
/** Languages offered by the filter: the interface languages and the network's other teaching languages. */
const filterLanguages = ["en", "fr", "es", "ru", "zh", "ar", "ky", "sr", "sw", "ur", "pt"];

/** Query values outside what the filters offer are ignored, so an edited URL still shows a calendar. */
function filtersFrom(url: URL, centreSlugs: string[]) {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const offset = Number(get("offset") ?? 0);
  return {
    period: get("period") === "past" ? ("past" as const) : ("upcoming" as const),
    centre: centreSlugs.find((slug) => slug === get("centre")),
    kind: eventKinds.find((kind) => kind === get("kind")),
    language: filterLanguages.find((code) => code === get("language")),
    offset: Number.isInteger(offset) && offset > 0 ? Math.min(offset, 100_000) : 0,
  };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const app = context.get(appContext);
  const { services } = app;
  const centres = await allCentres(services, locale);
  const filters = filtersFrom(
    new URL(request.url),
    centres.map((c) => c.slug),
  );
  const page = await services.events.listEvents({ ...filters, limit: pageSize }, locale);
  const { zone, headers, picker } = viewerZone(request, app);
  return data(
    {
      title: translatorFor(locale)("events.list.title"),
      page,
      filters,
      zone,
      picker,
      centres: centres.map(({ slug, name }) => ({ slug, name })),
      // From the loader, so the page's module imports no domain contract (and no Zod) into the browser build.
      kinds: eventKinds,
    },
    { headers },
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function Events({ loaderData }: Route.ComponentProps) {
  const { page, filters, zone, picker, centres, kinds } = loaderData;
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const names = useEventFormat();
  const query = (period: "upcoming" | "past") => {
    const search = new URLSearchParams();
    search.set("period", period);
    for (const name of ["centre", "kind", "language"] as const) if (filters[name]) search.set(name, filters[name]);
    return `?${search}`;
  };
  const filtered = Boolean(filters.centre || filters.kind || filters.language);

  return (
    <main id="main" className="page events">
      <h1>{t("events.list.title")}</h1>
      <p className="lead">{t("events.list.lead")}</p>
      <nav className="tabs" aria-label={t("events.list.title")}>
        <Link to={query("upcoming")} aria-current={filters.period === "upcoming" ? "page" : undefined}>
          {t("events.list.upcoming")}
        </Link>
        <Link to={query("past")} aria-current={filters.period === "past" ? "page" : undefined}>
          {t("events.list.past")}
        </Link>
      </nav>
      <FilterForm filtered={filtered} clearHref={`${href("/events")}?period=${filters.period}`}>
        <input type="hidden" name="period" value={filters.period} />
        <FilterSelect
          name="centre"
          label={t("events.filter.centre")}
          value={filters.centre}
          options={centres.map((c) => ({ value: c.slug, label: c.name }))}
        />
        <FilterSelect
          name="kind"
          label={t("events.filter.kind")}
          value={filters.kind}
          options={kinds.map((kind) => ({ value: kind, label: names.kind(kind) }))}
        />
        <FilterSelect
          name="language"
          label={t("events.filter.language")}
          value={filters.language}
          options={filterLanguages.map((code) => ({ value: code, label: names.language(code) }))}
        />
      </FilterForm>
      <TimeZoneForm {...picker} />
      <p className="meta">{t("events.tz.shownIn", { zone })}</p>

      <p role="status">{t("events.list.count", { count: page.total })}</p>
      {page.total === 0 && filtered && <p>{t("events.list.empty")}</p>}
      <ul className="cards event-list">
        {page.items.map((event) => (
          <li key={event.id} className="card event-card">
            <h2>
              <Link to={href(`/events/${event.slug}`)}>
                <bdi lang={event.shownLocale}>{event.title}</bdi>
              </Link>
            </h2>
            {event.shownLocale !== locale && (
              <p className="language-note">{t("events.card.shownIn", { language: names.language(event.shownLocale) })}</p>
            )}
            <p className="meta">
              <span className="tag">{names.kind(event.kind)}</span> {names.mode(event.mode)}
              {event.status === "cancelled" && <span className="tag status">{names.status(event.status)}</span>}
            </p>
            <p>
              <time dateTime={event.startsAt}>{names.range(event.startsAt, event.endsAt, zone)}</time>
            </p>
            <dl className="facts inline-facts">
              <div>
                <dt>{t("events.event.centre")}</dt>
                <dd>{event.centre.name}</dd>
              </div>
              <div>
                <dt>{t("events.event.languages")}</dt>
                <dd>{names.languages(event.languages)}</dd>
              </div>
              {event.capacity !== null && (
                <div>
                  <dt>{t("events.event.places")}</dt>
                  <dd>
                    {event.registeredCount >= event.capacity
                      ? t("events.card.full")
                      : t("events.card.places", { taken: event.registeredCount, capacity: event.capacity })}
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
      <Pagination total={page.total} limit={page.limit} offset={page.offset} />
    </main>
  );
}
