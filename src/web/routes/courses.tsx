import type { CatalogueFacets } from "../../domain/catalogue/dto.ts";
import { courseCategories, courseLevels, courseSorts } from "../../domain/catalogue/values.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CourseCard } from "../components/course-card.tsx";
import { FilterForm, FilterSearch, FilterSelect } from "../components/filter-form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/courses.ts";

const pageSize = 20;

/** Query values outside what the filters offer are ignored, so an edited URL still shows a catalogue. */
function filtersFrom(url: URL, facets: CatalogueFacets) {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const offset = Number(get("offset") ?? 0);
  return {
    q: get("q")?.slice(0, 200),
    lang: facets.languages.find((l) => l === get("lang")),
    category: courseCategories.find((c) => c === get("category")),
    centre: facets.owners.find((o) => o.slug === get("centre"))?.slug,
    level: courseLevels.find((l) => l === get("level")),
    sort: courseSorts.find((s) => s === get("sort")),
    offset: Number.isInteger(offset) && offset > 0 ? Math.min(offset, 100_000) : 0,
  };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const facets = await services.catalogue.facets(locale);
  const filters = filtersFrom(new URL(request.url), facets);
  const page = await services.catalogue.searchCourses({ ...filters, limit: pageSize }, locale);
  return { title: translatorFor(locale)("catalogue.list.title"), page, filters, facets };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const { page, filters, facets } = loaderData;
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const format = useCatalogueFormat();
  const collator = new Intl.Collator(locale);
  const languageOptions = facets.languages
    .map((code) => ({ code, name: format.language(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const filtered = Boolean(filters.q || filters.lang || filters.category || filters.centre || filters.level);

  return (
    <main id="main" className="page catalogue">
      <h1>{t("catalogue.list.title")}</h1>
      <p className="lead">{t("catalogue.list.lead")}</p>
      <FilterForm
        filtered={filtered}
        clearHref={href("/courses")}
        submitLabel={t("common.search")}
        search={<FilterSearch className="search-field" label={t("catalogue.filter.search")} value={filters.q} maxLength={200} />}
      >
        <FilterSelect
          name="lang"
          label={t("catalogue.filter.language")}
          value={filters.lang}
          options={languageOptions.map(({ code, name }) => ({ value: code, label: name }))}
        />
        <FilterSelect
          name="category"
          label={t("catalogue.filter.category")}
          value={filters.category}
          options={courseCategories.map((category) => ({ value: category, label: format.category(category) }))}
        />
        <FilterSelect
          name="centre"
          label={t("catalogue.filter.centre")}
          value={filters.centre}
          options={facets.owners.map((owner) => ({ value: owner.slug, label: owner.name }))}
        />
        <FilterSelect
          name="level"
          label={t("catalogue.filter.level")}
          value={filters.level}
          options={courseLevels.map((level) => ({ value: level, label: format.level(level) }))}
        />
        <div className="field">
          <label htmlFor="filter-sort">{t("catalogue.filter.sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort ?? (filters.q ? "relevance" : "newest")}>
            {courseSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`catalogue.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </FilterForm>

      <p role="status">{t("catalogue.list.count", { count: page.total })}</p>
      {page.total === 0 && filtered && <p>{t("catalogue.list.empty")}</p>}
      <ul className="course-grid">
        {page.items.map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </ul>
      <Pagination total={page.total} limit={page.limit} offset={page.offset} />
    </main>
  );
}
