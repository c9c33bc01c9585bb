import { and, asc, count, desc, eq, exists, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { OrganisationRef } from "../network/dto.ts";
import { toOrganisationRef } from "../network/mapping.ts";
import { organisations } from "../network/schema.ts";
import { type Actor, requireActor, requireRole } from "../shared/actor.ts";
import { pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, fieldConflict, fieldError, forbidden, notFound } from "../shared/errors.ts";
import { slugify } from "../shared/slugs.ts";
import { rowsOf } from "../shared/sql.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import { authorRoles, canReview, canTranslate, findCourseRow, isUuid, requireEditable } from "./course-access.ts";
import type {
  CatalogueFacets,
  CoCreatorRole,
  ContentLocale,
  CourseCategory,
  CourseDto,
  CourseLevel,
  CourseSearch,
  CourseStatus,
  CourseSummaryDto,
  LessonDto,
  LessonKind,
  ModuleOutlineDto,
  Page,
  TranslationStatus,
} from "./dto.ts";
import { coverImageUrls, lessonMediaOf } from "./media.ts";
import { sanitizeLessonHtml } from "./rich-text.ts";
import { courseCoCreators, courseModules, courses, courseTranslations, lessons, lessonTranslations, moduleTranslations } from "./schema.ts";
import { courseTextSearch } from "./search.ts";
import { courseInputSchema, coursePatchSchema, courseSearchSchema, type SyllabusInput, translationInputSchema } from "./validation.ts";

export type CatalogueServiceDeps = { db: Database; now?: () => Date };

type CourseRow = typeof courses.$inferSelect;
type TranslationRow = typeof courseTranslations.$inferSelect;

/** Organisations that may own courses: the centres and the institute. */
const ownerKinds = ["institute", "national_centre", "training_centre"];

/** The reader's language when its translation is ready, else the course's own. */
function shownLocaleOf(course: CourseRow, translations: TranslationRow[], reader: Locale): ContentLocale {
  return translations.some((t) => t.locale === reader && t.status === "ready") ? reader : course.defaultLocale;
}

type FieldText = { locale: string; status: string };

/**
 * One field's text for a reader: in their language when that field's own translation is ready,
 * else in the default language, so a half-translated course never shows a draft to learners.
 */
function fieldInReader<T extends FieldText>(texts: T[], reader: Locale, defaultLocale: string): T | undefined {
  return texts.find((t) => t.locale === reader && t.status === "ready") ?? texts.find((t) => t.locale === defaultLocale) ?? texts[0];
}

/** Ready languages, the default first, then in code order so lists are stable. */
function readyLanguages(course: CourseRow, translations: TranslationRow[]): ContentLocale[] {
  const ready = translations.filter((t) => t.status === "ready").map((t) => t.locale);
  return ready.sort((a, b) => (a === course.defaultLocale ? -1 : b === course.defaultLocale ? 1 : a.localeCompare(b)));
}

function duplicateIds(ids: (string | undefined)[]): boolean {
  const present = ids.filter((id): id is string => !!id);
  return new Set(present).size !== present.length;
}

export function createCatalogueService(deps: CatalogueServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * Published courses are public, and an archived one still reads for whoever has its link (its
   * enrolled learners); drafts exist for their authors, translators and reviewers.
   */
  function visible(actor: Actor | null, course: CourseRow): boolean {
    return (
      course.status === "published" ||
      course.status === "archived" ||
      canTranslate(actor, course.ownerOrganisationId) ||
      canReview(actor, course.ownerOrganisationId)
    );
  }

  const findCourse = (ref: string) => findCourseRow(db, ref);

  async function organisationRefs(ids: string[], locale: Locale): Promise<Map<string, OrganisationRef>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const rows = await db.select().from(organisations).where(inArray(organisations.id, wanted));
    return new Map(rows.map((row) => [row.id, toOrganisationRef(row, locale)]));
  }

  /** Refuses an owner that is not a centre or the institute, naming the field. */
  async function requireOwner(ownerId: string) {
    const [owner] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, ownerId));
    if (!owner || !ownerKinds.includes(owner.kind)) throw fieldError("ownerId", "catalogue.field.owner");
  }

  async function requireCoCreators(list: { organisationId: string }[] | undefined) {
    const ids = [...new Set((list ?? []).map((c) => c.organisationId))];
    if (!ids.length) return;
    const found = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
    if (found.length !== ids.length) throw fieldError("coCreators", "catalogue.field.unknownOrganisation");
  }

  /** A slug from the title; titles in other scripts, or taken slugs, get a random suffix. */
  async function freeSlugFor(title: string): Promise<string> {
    const base = slugify(title).slice(0, 70).replace(/-+$/, "");
    const suffix = () => crypto.randomUUID().slice(0, 8);
    if (base.length < 2) return `course-${suffix()}`;
    const [taken] = await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, base));
    return taken ? `${base}-${suffix()}` : base;
  }

  /** The database decides whether a slug is free, so concurrent writers hear the same 409. */
  function translateWriteError(error: unknown): unknown {
    const pg = pgErrorOf(error);
    if (pg?.code === "23505" && pg.constraint === "courses_slug_unique") {
      return fieldConflict("slug", "error.duplicate_slug", undefined, "duplicate_slug");
    }
    return error;
  }

  /**
   * Makes the course's modules and lessons what the syllabus says, in its order. Listed ids are
   * kept (so translations and, later, learners' progress survive a reordering); modules and
   * lessons left out are removed. Texts are written in the given (default) language.
   */
  async function writeSyllabus(tx: Executor, courseId: string, textLocale: ContentLocale, syllabus: SyllabusInput) {
    const existingModules = await tx.select({ id: courseModules.id }).from(courseModules).where(eq(courseModules.courseId, courseId));
    const moduleIds = new Set(existingModules.map((m) => m.id));
    const existingLessons = moduleIds.size
      ? await tx
          .select({ id: lessons.id })
          .from(lessons)
          .where(inArray(lessons.moduleId, [...moduleIds]))
      : [];
    const lessonIds = new Set(existingLessons.map((l) => l.id));
    syllabus.forEach((module, m) => {
      if (module.id && !moduleIds.has(module.id)) throw fieldError(`syllabus.${m}.id`, "catalogue.field.unknownModule");
      module.lessons.forEach((lesson, l) => {
        if (lesson.id && !lessonIds.has(lesson.id)) throw fieldError(`syllabus.${m}.lessons.${l}.id`, "catalogue.field.unknownLesson");
      });
    });
    if (duplicateIds(syllabus.map((m) => m.id)) || duplicateIds(syllabus.flatMap((m) => m.lessons.map((l) => l.id)))) {
      throw fieldError("syllabus", "catalogue.field.duplicateId");
    }

    const keptLessons = syllabus.flatMap((m) => m.lessons.flatMap((l) => (l.id ? [l.id] : [])));
    if (moduleIds.size) {
      await tx
        .delete(lessons)
        .where(and(inArray(lessons.moduleId, [...moduleIds]), keptLessons.length ? notInArray(lessons.id, keptLessons) : undefined));
    }

    const writtenModules: string[] = [];
    for (const [position, module] of syllabus.entries()) {
      let moduleId = module.id;
      if (moduleId) await tx.update(courseModules).set({ position }).where(eq(courseModules.id, moduleId));
      else moduleId = (await tx.insert(courseModules).values({ courseId, position }).returning({ id: courseModules.id }))[0]!.id;
      writtenModules.push(moduleId);
      await tx
        .insert(moduleTranslations)
        .values({ moduleId, locale: textLocale, title: module.title })
        .onConflictDoUpdate({ target: [moduleTranslations.moduleId, moduleTranslations.locale], set: { title: module.title } });

      for (const [lessonPosition, lesson] of module.lessons.entries()) {
        const fields = { moduleId, position: lessonPosition, kind: lesson.kind, required: lesson.required ?? true };
        let lessonId = lesson.id;
        if (lessonId) await tx.update(lessons).set(fields).where(eq(lessons.id, lessonId));
        else lessonId = (await tx.insert(lessons).values(fields).returning({ id: lessons.id }))[0]!.id;
        await upsertLessonText(tx, lessonId, textLocale, lesson.title, lesson.body);
      }
    }
    // Last, once the lessons kept have moved out of them.
    if (moduleIds.size) {
      await tx
        .delete(courseModules)
        .where(and(eq(courseModules.courseId, courseId), writtenModules.length ? notInArray(courseModules.id, writtenModules) : undefined));
    }
  }

  /** A lesson's text in one language; a body left out keeps the one stored. */
  async function upsertLessonText(
    tx: Executor,
    lessonId: string,
    locale: ContentLocale,
    title: string,
    body: string | undefined,
    status: TranslationStatus = "ready",
  ) {
    const clean = body === undefined ? undefined : sanitizeLessonHtml(body);
    await tx
      .insert(lessonTranslations)
      .values({ lessonId, locale, title, body: clean ?? "", status })
      .onConflictDoUpdate({
        target: [lessonTranslations.lessonId, lessonTranslations.locale],
        set: clean === undefined ? { title, status } : { title, body: clean, status },
      });
  }

  function toSummary(
    course: CourseRow,
    owner: OrganisationRef,
    translations: TranslationRow[],
    reader: Locale,
    covers: Map<string, string>,
  ): CourseSummaryDto {
    const shownLocale = shownLocaleOf(course, translations, reader);
    const shown = translations.find((t) => t.locale === shownLocale);
    return {
      id: course.id,
      slug: course.slug,
      title: shown?.title ?? course.slug,
      summary: shown?.summary ?? "",
      shownLocale,
      defaultLocale: course.defaultLocale,
      languages: readyLanguages(course, translations),
      owner,
      category: course.category as CourseCategory,
      level: course.level as CourseLevel,
      estimatedHours: course.estimatedHours,
      subjectTags: course.subjectTags,
      status: course.status as CourseStatus,
      publishedAt: course.publishedAt?.toISOString() ?? null,
      coverImageUrl: course.coverImagePath ? (covers.get(course.coverImagePath) ?? null) : null,
    };
  }

  async function translationsOf(courseIds: string[]): Promise<Map<string, TranslationRow[]>> {
    const byCourse = new Map<string, TranslationRow[]>(courseIds.map((id) => [id, []]));
    if (!courseIds.length) return byCourse;
    const rows = await db.select().from(courseTranslations).where(inArray(courseTranslations.courseId, courseIds));
    for (const row of rows) byCourse.get(row.courseId)?.push(row);
    return byCourse;
  }

  /** The number of courses a listing or search finds. */
  async function countMatching(where: SQL | undefined, hits: ReturnType<typeof courseTextSearch>): Promise<number> {
    const query = db
      .select({ total: count() })
      .from(courses)
      .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId))
      .$dynamic();
    if (hits) query.innerJoin(hits, eq(hits.courseId, courses.id));
    const [row] = await query.where(where);
    return row?.total ?? 0;
  }

  async function searchCourses(search: CourseSearch, reader: Locale): Promise<Page<CourseSummaryDto>> {
    const f = parseInput(courseSearchSchema, search);
    const hits = f.q ? courseTextSearch(db, f.q) : null;
    const readyIn = (locale: string) =>
      sql`exists (select 1 from ${courseTranslations} where ${courseTranslations.courseId} = ${courses.id} and ${courseTranslations.locale} = ${locale} and ${courseTranslations.status} = 'ready')`;
    const where = and(
      eq(courses.status, "published"),
      f.category ? eq(courses.category, f.category) : undefined,
      f.level ? eq(courses.level, f.level) : undefined,
      f.centre ? eq(organisations.slug, f.centre) : undefined,
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
      .select({ course: courses, owner: organisations, total: total.mapWith(Number) })
      .from(courses)
      .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId))
      .$dynamic();
    if (hits) pageQuery.innerJoin(hits, eq(hits.courseId, courses.id));
    const [rows, counted] = await Promise.all([
      pageQuery
        .where(where)
        .orderBy(...order, asc(courses.id))
        .limit(f.limit)
        .offset(f.offset),
      hits ? null : countMatching(where, null),
    ]);
    const found = counted ?? rows[0]?.total ?? (f.offset > 0 ? await countMatching(where, hits) : 0);
    const [translations, covers] = await Promise.all([
      translationsOf(rows.map((r) => r.course.id)),
      coverImageUrls(
        db,
        rows.map((r) => r.course.coverImagePath),
      ),
    ]);
    return {
      items: rows.map((r) => toSummary(r.course, toOrganisationRef(r.owner, reader), translations.get(r.course.id) ?? [], reader, covers)),
      total: found,
      limit: f.limit,
      offset: f.offset,
    };
  }

  /**
   * Languages and owners of published courses. Both lists are short while the tables are long:
   * the languages are read by skipping through the (locale, status) index, one probe per language.
   */
  async function facets(reader: Locale): Promise<CatalogueFacets> {
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
      db
        .select()
        .from(organisations)
        .where(
          exists(
            db
              .select({ one: sql`1` })
              .from(courses)
              .where(and(eq(courses.ownerOrganisationId, organisations.id), eq(courses.status, "published"))),
          ),
        ),
    ]);
    return {
      languages: rowsOf<{ locale: string }>(languageRows).map((r) => r.locale),
      owners: ownerRows.map((row) => toOrganisationRef(row, reader)).sort((a, b) => a.name.localeCompare(b.name, reader)),
    };
  }

  async function courseDto(course: CourseRow, reader: Locale): Promise<CourseDto> {
    const [translationRows, coCreatorRows, moduleRows] = await Promise.all([
      db.select().from(courseTranslations).where(eq(courseTranslations.courseId, course.id)),
      db.select().from(courseCoCreators).where(eq(courseCoCreators.courseId, course.id)).orderBy(asc(courseCoCreators.position)),
      db
        .select()
        .from(courseModules)
        .where(eq(courseModules.courseId, course.id))
        .orderBy(asc(courseModules.position), asc(courseModules.id)),
    ]);
    const moduleIds = moduleRows.map((m) => m.id);
    const [moduleTexts, lessonRows] = moduleIds.length
      ? await Promise.all([
          db.select().from(moduleTranslations).where(inArray(moduleTranslations.moduleId, moduleIds)),
          db.select().from(lessons).where(inArray(lessons.moduleId, moduleIds)).orderBy(asc(lessons.position), asc(lessons.id)),
        ])
      : [[], []];
    const lessonTexts = lessonRows.length
      ? await db
          .select({
            lessonId: lessonTranslations.lessonId,
            locale: lessonTranslations.locale,
            title: lessonTranslations.title,
            status: lessonTranslations.status,
          })
          .from(lessonTranslations)
          .where(
            inArray(
              lessonTranslations.lessonId,
              lessonRows.map((l) => l.id),
            ),
          )
      : [];
    const refs = await organisationRefs([course.ownerOrganisationId, ...coCreatorRows.map((c) => c.organisationId)], reader);
    const summary = toSummary(
      course,
      refs.get(course.ownerOrganisationId)!,
      translationRows,
      reader,
      await coverImageUrls(db, [course.coverImagePath]),
    );
    const shown = translationRows.find((t) => t.locale === summary.shownLocale);
    const textIn = <T extends FieldText & { title: string }>(texts: T[]) => fieldInReader(texts, reader, course.defaultLocale)?.title ?? "";

    const syllabus: ModuleOutlineDto[] = moduleRows.map((module) => ({
      id: module.id,
      position: module.position,
      title: textIn(moduleTexts.filter((t) => t.moduleId === module.id)),
      lessons: lessonRows
        .filter((lesson) => lesson.moduleId === module.id)
        .map((lesson) => ({
          id: lesson.id,
          position: lesson.position,
          kind: lesson.kind as LessonKind,
          required: lesson.required,
          title: textIn(lessonTexts.filter((t) => t.lessonId === lesson.id)),
        })),
    }));
    return {
      ...summary,
      description: shown?.description ?? "",
      licence: course.licence,
      version: course.version,
      coCreators: coCreatorRows.map((c) => ({ organisation: refs.get(c.organisationId)!, role: c.role as CoCreatorRole })),
      translations: translationRows
        .map((t) => ({ locale: t.locale, status: t.status as TranslationStatus }))
        .sort((a, b) => a.locale.localeCompare(b.locale)),
      syllabus,
      createdAt: course.createdAt.toISOString(),
      updatedAt: course.updatedAt.toISOString(),
    };
  }

  /** The public page of a published course; its authors also see it before publication. */
  async function getCourse(ref: string, reader: Locale, actor: Actor | null = null): Promise<CourseDto> {
    const course = await findCourse(ref);
    if (!visible(actor, course)) throw notFound("course");
    return courseDto(course, reader);
  }

  /**
   * One lesson with its rich text, sanitised once more on the way out. Reads only this lesson and
   * the course's titles: a lesson view must not build the whole course (`courseDto`) to find it.
   */
  async function getLesson(ref: string, lessonId: string, reader: Locale, actor: Actor | null = null): Promise<LessonDto> {
    const course = await findCourse(ref);
    if (!visible(actor, course)) throw notFound("course");
    const [lesson] = isUuid(lessonId)
      ? await db
          .select({ id: lessons.id, position: lessons.position, kind: lessons.kind, required: lessons.required })
          .from(lessons)
          .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
          .where(and(eq(lessons.id, lessonId), eq(courseModules.courseId, course.id)))
      : [];
    if (!lesson) throw notFound("lesson");
    const [texts, translations, media] = await Promise.all([
      db.select().from(lessonTranslations).where(eq(lessonTranslations.lessonId, lessonId)),
      db.select().from(courseTranslations).where(eq(courseTranslations.courseId, course.id)),
      lessonMediaOf(db, lessonId),
    ]);
    const wanted = shownLocaleOf(course, translations, reader);
    // Title and body are one row: a lesson's translation is ready or not as a whole.
    const text = fieldInReader(texts, reader, course.defaultLocale);
    const courseTitle = translations.find((t) => t.locale === wanted) ?? translations.find((t) => t.locale === course.defaultLocale);
    return {
      id: lesson.id,
      position: lesson.position,
      kind: lesson.kind as LessonKind,
      required: lesson.required,
      title: text?.title ?? "",
      bodyHtml: sanitizeLessonHtml(text?.body ?? ""),
      media,
      shownLocale: text?.locale ?? course.defaultLocale,
      course: { id: course.id, slug: course.slug, title: courseTitle?.title ?? course.slug },
    };
  }

  async function createCourse(actor: Actor | null, input: unknown, locale: Locale): Promise<CourseDto> {
    requireActor(actor);
    const data = parseInput(courseInputSchema, input);
    requireRole(actor, authorRoles, data.ownerId);
    await requireOwner(data.ownerId);
    await requireCoCreators(data.coCreators);
    const slug = data.slug ?? (await freeSlugFor(data.title));
    let id: string;
    try {
      id = await db.transaction(async (tx) => {
        const [course] = await tx
          .insert(courses)
          .values({
            slug,
            ownerOrganisationId: data.ownerId,
            category: data.category,
            level: data.level,
            estimatedHours: data.estimatedHours,
            licence: data.licence,
            defaultLocale: data.defaultLocale,
            subjectTags: [...new Set(data.subjectTags ?? [])],
            createdAt: now(),
            updatedAt: now(),
          })
          .returning({ id: courses.id });
        const courseId = course!.id;
        // The author writes in the default language: that text is the original, ready as written.
        await tx.insert(courseTranslations).values({
          courseId,
          locale: data.defaultLocale,
          title: data.title,
          summary: data.summary,
          description: data.description ?? "",
          status: "ready",
          updatedAt: now(),
        });
        await writeCoCreators(tx, courseId, data.coCreators ?? []);
        await writeSyllabus(tx, courseId, data.defaultLocale, data.syllabus ?? []);
        return courseId;
      });
    } catch (error) {
      throw translateWriteError(error);
    }
    return getCourse(id, locale, actor);
  }

  async function writeCoCreators(tx: Executor, courseId: string, list: { organisationId: string; role: CoCreatorRole }[]) {
    await tx.delete(courseCoCreators).where(eq(courseCoCreators.courseId, courseId));
    if (list.length) {
      await tx
        .insert(courseCoCreators)
        .values(list.map((c, position) => ({ courseId, organisationId: c.organisationId, role: c.role, position })));
    }
  }

  /** An author of the owner, on a draft; moving a course to another owner needs authorship there too. */
  async function requireAuthorOf(actor: Actor | null, ref: string): Promise<CourseRow> {
    requireActor(actor);
    const course = await findCourse(ref);
    requireRole(actor, authorRoles, course.ownerOrganisationId);
    requireEditable(course);
    return course;
  }

  /**
   * The default language is the course's content, written by its authors while it is a draft.
   * Other languages are translations: the owner's authors and translators add them at any time
   * before the course is archived, published versions included (decision 0010).
   */
  async function requireTranslatorOf(actor: Actor | null, ref: string, target: string): Promise<CourseRow> {
    requireActor(actor);
    const course = await findCourse(ref);
    if (target === course.defaultLocale) return requireAuthorOf(actor, course.id);
    if (!canTranslate(actor, course.ownerOrganisationId)) throw forbidden();
    if (course.status === "archived") throw new DomainError("wrong_status", 409, { status: course.status });
    return course;
  }

  async function updateCourse(actor: Actor | null, ref: string, patch: unknown, locale: Locale): Promise<CourseDto> {
    const course = await requireAuthorOf(actor, ref);
    const data = parseInput(coursePatchSchema, patch);
    if (data.ownerId && data.ownerId !== course.ownerOrganisationId) {
      requireRole(actor, authorRoles, data.ownerId);
      await requireOwner(data.ownerId);
    }
    await requireCoCreators(data.coCreators);
    if (data.defaultLocale && data.defaultLocale !== course.defaultLocale) {
      const [translation] = await db
        .select({ status: courseTranslations.status })
        .from(courseTranslations)
        .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, data.defaultLocale)));
      if (translation?.status !== "ready") throw fieldError("defaultLocale", "catalogue.field.defaultNotReady");
    }
    try {
      await db.transaction(async (tx) => {
        await tx
          .update(courses)
          .set({
            slug: data.slug,
            ownerOrganisationId: data.ownerId,
            category: data.category,
            level: data.level,
            estimatedHours: data.estimatedHours,
            licence: data.licence,
            defaultLocale: data.defaultLocale,
            subjectTags: data.subjectTags && [...new Set(data.subjectTags)],
            updatedAt: now(),
          })
          .where(eq(courses.id, course.id));
        if (data.coCreators) await writeCoCreators(tx, course.id, data.coCreators);
        if (data.syllabus) await writeSyllabus(tx, course.id, data.defaultLocale ?? course.defaultLocale, data.syllabus);
      });
    } catch (error) {
      throw translateWriteError(error);
    }
    return getCourse(course.id, locale, actor);
  }

  /**
   * Writes the course's texts in one language: its title, summary and description, and the
   * titles (and lesson bodies) of the modules and lessons named, each with its own status (the
   * course's when not given): readers see a field in their language only once it is ready.
   */
  async function addTranslation(
    actor: Actor | null,
    ref: string,
    translationLocale: string,
    input: unknown,
    locale: Locale,
  ): Promise<CourseDto> {
    const target = parseInput(contentLocaleSchema, translationLocale);
    const course = await requireTranslatorOf(actor, ref, target);
    const data = parseInput(translationInputSchema, input);
    const moduleRows = await db.select({ id: courseModules.id }).from(courseModules).where(eq(courseModules.courseId, course.id));
    const moduleIds = new Set(moduleRows.map((m) => m.id));
    const lessonRows = moduleIds.size
      ? await db
          .select({ id: lessons.id })
          .from(lessons)
          .where(inArray(lessons.moduleId, [...moduleIds]))
      : [];
    const lessonIds = new Set(lessonRows.map((l) => l.id));
    data.modules?.forEach((m, i) => {
      if (!moduleIds.has(m.id)) throw fieldError(`modules.${i}.id`, "catalogue.field.unknownModule");
    });
    data.lessons?.forEach((l, i) => {
      if (!lessonIds.has(l.id)) throw fieldError(`lessons.${i}.id`, "catalogue.field.unknownLesson");
    });

    await db.transaction(async (tx) => {
      const texts = {
        title: data.title,
        summary: data.summary,
        description: data.description ?? "",
        status: data.status,
        updatedAt: now(),
      };
      await tx
        .insert(courseTranslations)
        .values({ courseId: course.id, locale: target, ...texts })
        .onConflictDoUpdate({ target: [courseTranslations.courseId, courseTranslations.locale], set: texts });
      for (const module of data.modules ?? []) {
        const text = { title: module.title, status: module.status ?? data.status };
        await tx
          .insert(moduleTranslations)
          .values({ moduleId: module.id, locale: target, ...text })
          .onConflictDoUpdate({ target: [moduleTranslations.moduleId, moduleTranslations.locale], set: text });
      }
      for (const lesson of data.lessons ?? []) {
        await upsertLessonText(tx, lesson.id, target, lesson.title, lesson.body, lesson.status ?? data.status);
      }
      await tx.update(courses).set({ updatedAt: now() }).where(eq(courses.id, course.id));
    });
    return getCourse(course.id, locale, actor);
  }

  return { searchCourses, facets, getCourse, getLesson, createCourse, updateCourse, addTranslation };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
