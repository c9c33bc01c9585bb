import { and, asc, desc, inArray, isNull, type SQL } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import { organisationRefs } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { shownText } from "../../shared/reader-language.ts";
import type { CatalogueContext } from "../context.ts";
import type { AuthoredCourseDto } from "../dto.ts";
import { translationsOf } from "../mapping.ts";
import { can, organisationsWhere } from "../permissions.ts";
import { courses } from "../schema.ts";

/** Courses the actor may write, most recently changed first: every course for global staff, else their centres' courses. */
export async function listAuthoredCourses(ctx: CatalogueContext, actor: Actor | null, reader: Locale): Promise<AuthoredCourseDto[]> {
  const { db } = ctx;
  const author = requireActor(actor);
  const ownerIds = organisationsWhere(author, "course.author");
  const everything = can(author, "course.author");
  if (!everything && !ownerIds.length) return [];
  const where: SQL | undefined = and(isNull(courses.revisionOfId), everything ? undefined : inArray(courses.ownerOrganisationId, ownerIds));
  const rows = await db.select().from(courses).where(where).orderBy(desc(courses.updatedAt), asc(courses.id)).limit(500);
  const [texts, owners] = await Promise.all([
    translationsOf(
      db,
      rows.map((c) => c.id),
    ),
    organisationRefs(
      db,
      rows.map((c) => c.ownerOrganisationId),
      reader,
    ),
  ]);
  return rows.map((course) => {
    const own = texts.get(course.id) ?? [];
    return {
      id: course.id,
      slug: course.slug,
      title: shownText(own, reader, course.defaultLocale)?.title ?? course.slug,
      status: course.status,
      version: course.version,
      defaultLocale: course.defaultLocale,
      translations: own.map((t) => ({ locale: t.locale, status: t.status })).sort((x, y) => x.locale.localeCompare(y.locale)),
      owner: owners.get(course.ownerOrganisationId)!,
      updatedAt: course.updatedAt.toISOString(),
    };
  });
}
