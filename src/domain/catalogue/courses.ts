import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { existingOrganisations, organisationFacts } from "../network/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { constraintError } from "../shared/db-errors.ts";
import { fieldError } from "../shared/errors.ts";
import { freeSlug } from "../shared/slugs.ts";
import { parseInput } from "../shared/validation.ts";
import { recordAuthor } from "./authors.ts";
import type { CatalogueContext } from "./context.ts";
import { getCourse } from "./course-page.ts";
import type { CoCreatorRole, CourseDto } from "./dto.ts";
import { editableCourse } from "./guards.ts";
import { requireAccess } from "./permissions.ts";
import { courseUniqueRules, slugTaken } from "./rows.ts";
import { courseCoCreators, courses, courseTranslations } from "./schema.ts";
import { writeSyllabus } from "./syllabus.ts";
import { courseInputSchema, coursePatchSchema } from "./validation.ts";

/** Organisations that may own courses: the centres and the institute. */
const ownerKinds: ReadonlySet<string> = new Set(["institute", "national_centre", "training_centre"]);

/** Refuses an owner that is not a centre or the institute, naming the field. */
async function requireOwner(db: Executor, ownerId: string) {
  // The kind is all that is read; the language of the name does not matter.
  const owner = (await organisationFacts(db, [ownerId], "en")).get(ownerId);
  if (!owner || !ownerKinds.has(owner.kind)) throw fieldError("ownerId", "catalogue.field.owner");
}

async function requireCoCreators(db: Executor, list: { organisationId: string }[] | undefined) {
  const ids = [...new Set((list ?? []).map((c) => c.organisationId))];
  if (!ids.length) return;
  const found = await existingOrganisations(db, ids);
  if (found.size !== ids.length) throw fieldError("coCreators", "catalogue.field.unknownOrganisation");
}

async function writeCoCreators(tx: Executor, courseId: string, list: { organisationId: string; role: CoCreatorRole }[]) {
  await tx.delete(courseCoCreators).where(eq(courseCoCreators.courseId, courseId));
  if (list.length) {
    await tx
      .insert(courseCoCreators)
      .values(list.map((c, position) => ({ courseId, organisationId: c.organisationId, role: c.role, position })));
  }
}

/** A draft course with its texts in its default language (the original, ready as written) and its syllabus. */
export async function createCourse(ctx: CatalogueContext, actor: Actor | null, input: unknown, reader: Locale): Promise<CourseDto> {
  const { db, now } = ctx;
  const author = requireActor(actor);
  const data = parseInput(courseInputSchema, input);
  requireAccess(actor, "course.author", data.ownerId);
  await requireOwner(db, data.ownerId);
  await requireCoCreators(db, data.coCreators);
  const slug = data.slug ?? (await freeSlug(data.title, "course", (candidate) => slugTaken(db, candidate)));
  const id = await db
    .transaction(async (tx) => {
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
      await recordAuthor(tx, courseId, author, now());
      return courseId;
    })
    .catch((error: unknown) => {
      throw constraintError(error, courseUniqueRules);
    });
  return getCourse(ctx, id, reader, actor);
}

/** Changes what the patch names of a draft; moving a course to another owner needs authorship there too. */
export async function updateCourse(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  patch: unknown,
  reader: Locale,
): Promise<CourseDto> {
  const { db, now } = ctx;
  const course = await editableCourse(ctx, actor, ref);
  const data = parseInput(coursePatchSchema, patch);
  if (data.ownerId && data.ownerId !== course.ownerOrganisationId) {
    requireAccess(actor, "course.author", data.ownerId);
    await requireOwner(db, data.ownerId);
  }
  await requireCoCreators(db, data.coCreators);
  if (data.defaultLocale && data.defaultLocale !== course.defaultLocale) {
    const [translation] = await db
      .select({ status: courseTranslations.status })
      .from(courseTranslations)
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, data.defaultLocale)));
    if (translation?.status !== "ready") throw fieldError("defaultLocale", "catalogue.field.defaultNotReady");
  }
  await db
    .transaction(async (tx) => {
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
    })
    .catch((error: unknown) => {
      throw constraintError(error, courseUniqueRules);
    });
  return getCourse(ctx, course.id, reader, actor);
}
