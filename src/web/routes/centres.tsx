import { Link } from "react-router";
import { centreKinds } from "../../domain/network/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { FilterForm, FilterSearch, FilterSelect } from "../components/filter-form.tsx";
import { allCentres } from "../components/network-data.server.ts";
import { useNetworkFormat } from "../components/network-format.ts";
import { Pagination } from "../components/pagination.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useFormat, useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/centres.ts";

const pageSize = 24;

/** Query values outside what the filter offers are ignored, so an edited URL still shows a directory. */
function filtersFrom(url: URL, subregions: string[]) {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const kind = centreKinds.find((k) => k === get("kind"));
  const subregion = subregions.find((s) => s === get("subregion"));
  const country = get("country")?.toUpperCase();
  const offset = Number(get("offset") ?? 0);
  return {
    kind,
    subregion,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    q: get("q")?.slice(0, 100),
    offset: Number.isInteger(offset) && offset > 0 ? Math.min(offset, 100_000) : 0,
  };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const subregions = await services.network.listSubregions();
  const filters = filtersFrom(new URL(request.url), subregions);
  const [page, everyCentre] = await Promise.all([
    services.network.listCentres({ ...filters, limit: pageSize }, locale),
    allCentres(services, locale),
  ]);
  return {
    title: translatorFor(locale)("network.directory.title"),
    page,
    filters,
    subregions,
    countries: [...new Set(everyCentre.map((c) => c.country))],
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function Centres({ loaderData }: Route.ComponentProps) {
  const { page, filters, subregions, countries } = loaderData;
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const format = useFormat();
  const names = useNetworkFormat();
  const collator = new Intl.Collator(locale);
  const countryOptions = countries.map((code) => ({ code, name: names.country(code) })).sort((a, b) => collator.compare(a.name, b.name));
  const filtered = Boolean(filters.kind || filters.subregion || filters.country || filters.q);

  return (
    <main id="main" className="page">
      <h1>{t("network.directory.title")}</h1>
      <FilterForm
        filtered={filtered}
        clearHref={href("/centres")}
        search={<FilterSearch label={t("common.search")} value={filters.q} maxLength={100} />}
      >
        <FilterSelect
          name="kind"
          label={t("network.label.kind")}
          value={filters.kind}
          options={centreKinds.map((kind) => ({ value: kind, label: names.kind(kind) }))}
        />
        <FilterSelect
          name="subregion"
          label={t("network.label.subregion")}
          value={filters.subregion}
          options={subregions.map((key) => ({ value: key, label: names.subregion(key) }))}
        />
        <FilterSelect
          name="country"
          label={t("network.label.country")}
          value={filters.country}
          options={countryOptions.map(({ code, name }) => ({ value: code, label: name }))}
        />
      </FilterForm>

      <p role="status">{t("network.directory.count", { count: page.total })}</p>
      <ul className="cards">
        {page.items.map((centre) => (
          <li key={centre.slug} className="card">
            <h2>
              <Link to={href(`/centres/${centre.slug}`)}>{centre.name}</Link>
            </h2>
            <p className="meta">
              <span className="tag">{names.kind(centre.kind)}</span> {names.country(centre.country)} · {names.subregion(centre.subregion)}
            </p>
            <dl className="facts">
              {centre.host && (
                <div>
                  <dt>{t("network.label.host")}</dt>
                  <dd>{centre.host.name}</dd>
                </div>
              )}
              {centre.establishedOn && (
                <div>
                  <dt>{t("network.label.established")}</dt>
                  <dd>{names.partialDate(centre.establishedOn)}</dd>
                </div>
              )}
              <div>
                <dt>{t("network.label.members")}</dt>
                <dd>{format.number(centre.memberCount)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <Pagination total={page.total} limit={page.limit} offset={page.offset} />
    </main>
  );
}
