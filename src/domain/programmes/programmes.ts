import { and, asc, count, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { publishedCourseIds } from "../catalogue/queries.ts";
import { existingCentres, organisationHasSlug, organisationNameOf, organisationRefs } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { constraintError } from "../shared/db-errors.ts";
import { fieldError, forbidden, notFound } from "../shared/errors.ts";
import { readyLanguages } from "../shared/reader-language.ts";
import { freeSlug } from "../shared/slugs.ts";
import { likePattern } from "../shared/sql.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { ProgrammeDto, ProgrammeSummaryDto } from "./dto.ts";
import { shownProgrammeText, toCohortSummary } from "./mapping.ts";
import { can, organisationsWith, requireAccess } from "./permissions.ts";
import { programmeCourseList } from "./progress.ts";
import { findProgramme, managedProgramme, type ProgrammeRow, participantCount, programmeTexts } from "./rows.ts";
import { cohorts, programmeCourses, programmes, programmeTranslations } from "./schema.ts";
import { programmeFiltersSchema, programmeInputSchema, programmePatchSchema, programmeTranslationSchema } from "./validation.ts";

/** Programmes: the public list and page, the staff's list, writing one and its texts. */

const slugRules = { programmes_slug_unique: { code: "duplicate_slug", field: "slug", messageId: "error.duplicate_slug" } } as const;

async function summaries(ctx: ProgrammesContext, rows: ProgrammeRow[], reader: Locale): Promise<ProgrammeSummaryDto[]> {
  const { db } = ctx;
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const today = ctx.now().toISOString().slice(0, 10);
  const [texts, owners, courseCounts, upcoming] = await Promise.all([
    programmeTexts(db, ids),
    organisationRefs(
      db,
      rows.map((r) => r.ownerCentreId),
      reader,
    ),
    db
      .select({ programmeId: programmeCourses.programmeId, n: count() })
      .from(programmeCourses)
      .where(inArray(programmeCourses.programmeId, ids))
      .groupBy(programmeCourses.programmeId),
    db
      .select()
      .from(cohorts)
      .where(and(inArray(cohorts.programmeId, ids), gte(cohorts.endsOn, today), ne(cohorts.status, "cancelled")))
      .orderBy(asc(cohorts.startsOn)),
  ]);
  return rows.map((programme) => {
    const own = texts.get(programme.id) ?? [];
    const shown = shownProgrammeText(programme, own, reader);
    const next = upcoming.find((c) => c.programmeId === programme.id);
    return {
      id: programme.id,
      slug: programme.slug,
      title: shown?.title ?? programme.slug,
      targetAudience: shown?.targetAudience ?? "",
      shownLocale: shown?.locale ?? programme.defaultLocale,
      defaultLocale: programme.defaultLocale,
      languages: readyLanguages(own, programme.defaultLocale),
      owner: owners.get(programme.ownerCentreId)!,
      status: programme.status,
      courseCount: courseCounts.find((c) => c.programmeId === programme.id)?.n ?? 0,
      nextCohort: next ? { id: next.id, startsOn: next.startsOn, enrolmentMode: next.enrolmentMode, locale: next.locale } : null,
    };
  });
}

async function programmeDto(ctx: ProgrammesContext, programme: ProgrammeRow, reader: Locale, actor: Actor | null): Promise<ProgrammeDto> {
  const { db } = ctx;
  const [[summary], texts, courseList, cohortRows] = await Promise.all([
    summaries(ctx, [programme], reader),
    programmeTexts(db, [programme.id]),
    programmeCourseList(db, programme.id, reader),
    db
      .select({ cohort: cohorts, participants: participantCount })
      .from(cohorts)
      .where(eq(cohorts.programmeId, programme.id))
      .orderBy(asc(cohorts.startsOn), asc(cohorts.name)),
  ]);
  const own = texts.get(programme.id) ?? [];
  return {
    ...summary!,
    description: shownProgrammeText(programme, own, reader)?.description ?? "",
    translations: own.map((t) => ({ locale: t.locale, status: t.status })).sort((a, b) => a.locale.localeCompare(b.locale)),
    courses: courseList,
    cohorts: cohortRows.map((r) => toCohortSummary(r.cohort, r.participants)),
    canManage: can(actor, "programme.manage", programme.ownerCentreId),
  };
}

export async function listProgrammes(ctx: ProgrammesContext, filters: unknown, reader: Locale) {
  const { db } = ctx;
  const f = parseInput(programmeFiltersSchema, filters ?? {});
  const where = and(
    eq(programmes.status, "published"),
    f.centre ? organisationHasSlug(programmes.ownerCentreId, f.centre) : undefined,
    f.q
      ? sql`exists (select 1 from ${programmeTranslations} where ${programmeTranslations.programmeId} = ${programmes.id} and ${programmeTranslations.title} ilike ${likePattern(f.q)})`
      : undefined,
  );
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(programmes).where(where),
    db
      .select()
      .from(programmes)
      .where(where)
      .orderBy(asc(organisationNameOf(programmes.ownerCentreId)), asc(programmes.slug))
      .limit(f.limit)
      .offset(f.offset),
  ]);
  return { items: await summaries(ctx, rows, reader), total: total?.n ?? 0, limit: f.limit, offset: f.offset };
}

/** Programmes of the centres the actor runs, in every status, for the staff pages. */
export async function listManagedProgrammes(ctx: ProgrammesContext, actor: Actor | null, reader: Locale): Promise<ProgrammeSummaryDto[]> {
  const who = requireActor(actor);
  const everywhere = can(who, "programme.manage", null);
  const centreIds = organisationsWith(who, "programme.manage");
  if (!everywhere && centreIds.length === 0) throw forbidden();
  const rows = await ctx.db
    .select()
    .from(programmes)
    .where(everywhere ? undefined : inArray(programmes.ownerCentreId, centreIds))
    .orderBy(asc(programmes.slug));
  return summaries(ctx, rows, reader);
}

export async function getProgramme(ctx: ProgrammesContext, ref: string, reader: Locale, actor: Actor | null = null): Promise<ProgrammeDto> {
  const programme = await findProgramme(ctx.db, ref);
  if (programme.status !== "published" && !can(actor, "programme.manage", programme.ownerCentreId)) throw notFound("programme");
  return programmeDto(ctx, programme, reader, actor);
}

/** Courses must exist and be published: learners are enrolled in them. */
async function requireCourses(db: Executor, list: { courseId: string }[]) {
  const published = await publishedCourseIds(
    db,
    list.map((c) => c.courseId),
  );
  const missing = list.findIndex((c) => !published.has(c.courseId));
  if (missing >= 0) throw fieldError(`courses.${missing}.courseId`, "programmes.field.unknownCourse");
}

async function writeCourses(tx: Executor, programmeId: string, list: { courseId: string; required: boolean }[]) {
  await tx.delete(programmeCourses).where(eq(programmeCourses.programmeId, programmeId));
  if (list.length) {
    await tx
      .insert(programmeCourses)
      .values(list.map((c, position) => ({ programmeId, courseId: c.courseId, position, required: c.required })));
  }
}

export async function createProgramme(ctx: ProgrammesContext, actor: Actor | null, input: unknown, reader: Locale): Promise<ProgrammeDto> {
  const { db } = ctx;
  requireActor(actor);
  const data = parseInput(programmeInputSchema, input);
  requireAccess(actor, "programme.manage", data.ownerCentreId);
  if (!(await existingCentres(db, [data.ownerCentreId])).has(data.ownerCentreId)) {
    throw fieldError("ownerCentreId", "programmes.field.unknownCentre");
  }
  await requireCourses(db, data.courses);
  const slug =
    data.slug ??
    (await freeSlug(data.title, "programme", async (candidate) => {
      const [taken] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, candidate));
      return !!taken;
    }));
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const at = ctx.now();
      const [row] = await tx
        .insert(programmes)
        .values({
          slug,
          ownerCentreId: data.ownerCentreId,
          defaultLocale: data.defaultLocale,
          status: data.status,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: programmes.id });
      const { title, description, targetAudience } = data;
      await tx
        .insert(programmeTranslations)
        .values({ programmeId: row!.id, locale: data.defaultLocale, title, description, targetAudience, status: "ready" });
      await writeCourses(tx, row!.id, data.courses);
      return row!.id;
    });
  } catch (error) {
    throw constraintError(error, slugRules);
  }
  return getProgramme(ctx, id, reader, actor);
}

export async function updateProgramme(
  ctx: ProgrammesContext,
  actor: Actor | null,
  ref: string,
  patch: unknown,
  reader: Locale,
): Promise<ProgrammeDto> {
  const { db } = ctx;
  const programme = await managedProgramme(db, actor, ref);
  const data = parseInput(programmePatchSchema, patch);
  if (data.courses) await requireCourses(db, data.courses);
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(programmes)
        .set({ slug: data.slug, status: data.status, updatedAt: ctx.now() })
        .where(eq(programmes.id, programme.id));
      const texts = { title: data.title, description: data.description, targetAudience: data.targetAudience };
      if (Object.values(texts).some((v) => v !== undefined)) {
        await tx
          .update(programmeTranslations)
          .set(texts)
          .where(and(eq(programmeTranslations.programmeId, programme.id), eq(programmeTranslations.locale, programme.defaultLocale)));
      }
      if (data.courses) await writeCourses(tx, programme.id, data.courses);
    });
  } catch (error) {
    throw constraintError(error, slugRules);
  }
  return getProgramme(ctx, programme.id, reader, actor);
}

/** Writes the programme's texts in one language; the default language's must stay ready. */
export async function translateProgramme(
  ctx: ProgrammesContext,
  actor: Actor | null,
  ref: string,
  textLocale: string,
  input: unknown,
  reader: Locale,
): Promise<ProgrammeDto> {
  const programme = await managedProgramme(ctx.db, actor, ref);
  if (!contentLocaleSchema.safeParse(textLocale).success) throw fieldError("locale", "validation.languageCode");
  const data = parseInput(programmeTranslationSchema, input);
  if (textLocale === programme.defaultLocale && data.status !== "ready") {
    throw fieldError("status", "programmes.field.defaultMustStayReady");
  }
  await ctx.db
    .insert(programmeTranslations)
    .values({ programmeId: programme.id, locale: textLocale, ...data })
    .onConflictDoUpdate({ target: [programmeTranslations.programmeId, programmeTranslations.locale], set: data });
  return getProgramme(ctx, programme.id, reader, actor);
}
