import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/locales.ts";
import { organisationHasSlug, organisationRefs } from "../network/queries.ts";
import { rowsOf } from "../shared/sql.ts";
import { parseInput } from "../shared/validation.ts";
import type { CatalogueContext } from "./context.ts";
import type { CatalogueFacets, CourseSummaryDto, Page } from "./dto.ts";
import { toSummary, translationsOf } from "./mapping.ts";
import { coverImageUrls } from "./media/files.ts";
import { courses, courseTranslations } from "./schema.ts";
import { courseTextSearch } from "./search-match.ts";
import { type CourseSearch, courseSearchSchema } from "./validation.ts";

type TextSearch = ReturnType<typeof courseTextSearch>;

/** The number of courses a listing or search finds. */
async function countMatching(ctx: CatalogueContext, where: SQL | undefined, hits: TextSearch): Promise<number> {
  const query = ctx.db.select({ total: count() }).from(courses).$dynamic();
  if (hits) query.innerJoin(hits, eq(hits.courseId, courses.id));
  const [row] = await query.where(where);
  return row?.total ?? 0;
}

/** Published courses matching the search and filters, a page at a time, in the reader's language. */
export async function searchCourses(ctx: CatalogueContext, search: CourseSearch, reader: Locale): Promise<Page<CourseSummaryDto>> {
  const { db } = ctx;
  const f = parseInput(courseSearchSchema, search);
  const hits = f.q ? courseTextSearch(db, f.q) : null;
  const readyIn = (locale: string) =>
    sql`exists (select 1 from ${courseTranslations} where ${courseTranslations.courseId} = ${courses.id} and ${courseTranslations.locale} = ${locale} and ${courseTranslations.status} = 'ready')`;
  const where = and(
    eq(courses.status, "published"),
    f.category ? eq(courses.category, f.category) : undefined,
    f.level ? eq(courses.level, f.level) : undefined,
    f.centre ? organisationHasSlug(courses.ownerOrganisationId, f.centre) : undefined,
    f.lang ? readyIn(f.lang) : undefined,
  );
  const titleKey = sql`lower(coalesce(
      (select ${courseTranslations.title} from ${courseTranslations} where ${courseTranslations.courseId} = ${courses.id} and ${courseTranslations.locale} = ${reader} and ${courseTranslations.status} = 'ready'),
      (select ${courseTranslations.title} from ${courseTranslations} where ${courseTranslations.courseId} = ${courses.id} and ${courseTranslations.locale} = ${courses.defaultLocale})))`;
  const sort = f.sort ?? (hits ? "relevance" : "newest");
  const order: SQL[] =
    sort === "title"
      ? [asc(titleKey)]
      : sort === "relevance" && hits
        ? [desc(hits.relevance), desc(courses.publishedAt)]
        : [desc(courses.publishedAt)];

  // A text search counts its matches with the page (a window count), so it runs once; a plain
  // listing counts apart, so the page itself can stop after `limit` rows of an index.
  const total = hits ? sql<number>`count(*) over ()` : sql<number>`null`;
  const pageQuery = db
    .select({ course: courses, total: total.mapWith(Number) })
    .from(courses)
    .$dynamic();
  if (hits) pageQuery.innerJoin(hits, eq(hits.courseId, courses.id));
  const [rows, counted] = await Promise.all([
    pageQuery
      .where(where)
      .orderBy(...order, asc(courses.id))
      .limit(f.limit)
      .offset(f.offset),
    hits ? null : countMatching(ctx, where, null),
  ]);
  const found = counted ?? rows[0]?.total ?? (f.offset > 0 ? await countMatching(ctx, where, hits) : 0);
  const [translations, covers, owners] = await Promise.all([
    translationsOf(
      db,
      rows.map((r) => r.course.id),
    ),
    coverImageUrls(
      db,
      rows.map((r) => r.course.coverImagePath),
    ),
    organisationRefs(
      db,
      rows.map((r) => r.course.ownerOrganisationId),
      reader,
    ),
  ]);
  return {
    items: rows.map(({ course }) =>
      toSummary(course, owners.get(course.ownerOrganisationId)!, translations.get(course.id) ?? [], reader, covers),
    ),
    total: found,
    limit: f.limit,
    offset: f.offset,
  };
}

/**
 * Languages and owners of published courses. Both lists are short while the tables are long:
 * each is read by skipping through an index (languages by (locale, status), owners by owner),
 * one probe per distinct value.
 */
export async function facets(ctx: CatalogueContext, reader: Locale): Promise<CatalogueFacets> {
  const { db } = ctx;
  const [languageRows, ownerRows] = await Promise.all([
    db.execute(sql`
      with recursive found(locale) as (
        (select ${courseTranslations.locale} from ${courseTranslations} where ${courseTranslations.status} = 'ready' order by 1 limit 1)
        union all
        select (select t.locale from ${courseTranslations} t where t.locale > found.locale and t.status = 'ready' order by 1 limit 1)
        from found where found.locale is not null
      )
      select locale from found
      where locale is not null
        and (select 1 from ${courseTranslations} t join ${courses} c on c.id = t.course_id
             where t.locale = found.locale and t.status = 'ready' and c.status = 'published' limit 1) is not null
      order by locale`),
    db.execute(sql`
      with recursive found(owner) as (
        (select ${courses.ownerOrganisationId} from ${courses} order by 1 limit 1)
        union all
        select (select c.owner_organisation_id from ${courses} c where c.owner_organisation_id > found.owner order by 1 limit 1)
        from found where found.owner is not null
      )
      select owner from found
      where owner is not null
        and exists (select 1 from ${courses} c where c.owner_organisation_id = found.owner and c.status = 'published')`),
  ]);
  const owners = await organisationRefs(
    db,
    rowsOf<{ owner: string }>(ownerRows).map((r) => r.owner),
    reader,
  );
  return {
    languages: rowsOf<{ locale: string }>(languageRows).map((r) => r.locale),
    owners: [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, reader)),
  };
}
