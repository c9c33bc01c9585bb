import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { courseHeadings, courseOfContent, publishedCourseIds } from "../catalogue/queries.ts";
import { centreOfEvent, sessionSummaries } from "../events/queries.ts";
import { programmeHeadings } from "../programmes/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { shownText } from "../shared/reader-language.ts";
import { parseInput } from "../shared/validation.ts";
import type { CompetenciesContext } from "./context.ts";
import type { AlignmentDto, AlignmentTarget, TaughtInDto } from "./dto.ts";
import { alignmentTargets } from "./dto.ts";
import { itemTextsOf } from "./mapping.ts";
import { can, requireAccess } from "./permissions.ts";
import { findFramework, itemsWithFramework } from "./rows.ts";
import { competencyAlignments, competencyFrameworks, competencyItems, competencyLevels } from "./schema.ts";
import { alignmentInputSchema } from "./validation.ts";

const targetColumn = {
  course: "courseId",
  lesson: "lessonId",
  question: "questionId",
  programme: "programmeId",
  event: "eventId",
} as const satisfies Record<AlignmentTarget, keyof typeof competencyAlignments.$inferInsert>;

/** The organisation that owns what is aligned: a course's owner (for its lessons and questions too), a programme's or event's centre. */
async function ownerOf(db: Executor, target: AlignmentTarget, id: string): Promise<string | null> {
  if (target === "course" || target === "lesson" || target === "question")
    return (await courseOfContent(db, target, id))?.ownerOrganisationId ?? null;
  if (target === "programme") return (await programmeHeadings(db, [id], "en")).get(id)?.ownerCentreId ?? null;
  return centreOfEvent(db, id);
}

/** Whether the actor may align this course, lesson, question, programme or event (a page shows its form). */
export async function canAlign(ctx: CompetenciesContext, actor: Actor | null, target: AlignmentTarget, id: string): Promise<boolean> {
  const owner = await ownerOf(ctx.db, target, id);
  return !!owner && can(actor, "alignment.manage", owner);
}

/**
 * Aligns a course, lesson, quiz question, programme or event to a competency of a published
 * framework, at one of its levels or none. Its owner's team and authors decide.
 */
export async function align(ctx: CompetenciesContext, actor: Actor | null, input: unknown, reader: Locale): Promise<AlignmentDto> {
  const data = parseInput(alignmentInputSchema, input);
  const owner = await ownerOf(ctx.db, data.target, data.targetId);
  if (!owner) throw fieldError("targetId", "competencies.field.unknownTarget");
  requireAccess(actor, "alignment.manage", owner);
  const [found] = await itemsWithFramework(ctx.db, [data.itemId]);
  if (found?.framework.status !== "published") throw fieldError("itemId", "competencies.field.unpublishedItem");
  if (data.levelId) {
    const [level] = await ctx.db
      .select({ id: competencyLevels.id })
      .from(competencyLevels)
      .where(and(eq(competencyLevels.id, data.levelId), eq(competencyLevels.frameworkId, found.framework.id)));
    if (!level) throw fieldError("levelId", "competencies.field.unknownLevel");
  }
  const values = {
    itemId: data.itemId,
    levelId: data.levelId ?? null,
    target: data.target,
    [targetColumn[data.target]]: data.targetId,

    createdAt: ctx.now(),
  };
  // Aligning again at another level changes the level: one alignment per item and target.
  const [existing] = await ctx.db
    .select({ id: competencyAlignments.id })
    .from(competencyAlignments)
    .where(and(eq(competencyAlignments.itemId, data.itemId), eq(competencyAlignments[targetColumn[data.target]], data.targetId)));
  if (existing) await ctx.db.update(competencyAlignments).set({ levelId: values.levelId }).where(eq(competencyAlignments.id, existing.id));
  else await ctx.db.insert(competencyAlignments).values(values).onConflictDoNothing();
  const list = await alignmentsOf(ctx, data.target, data.targetId, reader);
  return list.find((a) => a.itemId === data.itemId)!;
}

export async function unalign(ctx: CompetenciesContext, actor: Actor | null, alignmentId: string): Promise<void> {
  if (!isUuid(alignmentId)) throw notFound("alignment");
  const [row] = await ctx.db.select().from(competencyAlignments).where(eq(competencyAlignments.id, alignmentId));
  if (!row) throw notFound("alignment");
  const target = row.target;
  const owner = await ownerOf(ctx.db, target, row[targetColumn[target]]!);
  requireAccess(actor, "alignment.manage", owner);
  await ctx.db.delete(competencyAlignments).where(eq(competencyAlignments.id, alignmentId));
}

const targetSchema = z.enum(alignmentTargets);

/** What a course, lesson, question, programme or event is aligned to (public: alignments are shown with published content). */
export async function alignmentsOf(
  ctx: CompetenciesContext,
  target: AlignmentTarget,
  targetId: string,
  reader: Locale,
): Promise<AlignmentDto[]> {
  parseInput(targetSchema, target);
  if (!isUuid(targetId)) return [];
  const rows = await ctx.db
    .select({ alignment: competencyAlignments, item: competencyItems, framework: competencyFrameworks, level: competencyLevels })
    .from(competencyAlignments)
    .innerJoin(competencyItems, eq(competencyItems.id, competencyAlignments.itemId))
    .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencyItems.frameworkId))
    .leftJoin(competencyLevels, eq(competencyLevels.id, competencyAlignments.levelId))
    .where(eq(competencyAlignments[targetColumn[target]], targetId));
  const texts = await itemTextsOf(
    ctx.db,
    rows.map((r) => r.item.id),
  );
  return rows
    .map((r) => ({
      id: r.alignment.id,
      itemId: r.item.id,
      itemCode: r.item.code,
      itemTitle: shownText(texts.get(r.item.id) ?? [], reader, r.framework.defaultLocale)?.title ?? r.item.code ?? "",
      frameworkId: r.framework.id,
      levelId: r.level?.id ?? null,
      levelCode: r.level?.code ?? null,
      target,
      targetId,
    }))
    .sort((a, b) => (a.itemCode ?? "").localeCompare(b.itemCode ?? "", undefined, { numeric: true }));
}

/**
 * Where each competency of a framework is taught: the published courses (directly, or through
 * a lesson or question), published programmes and events aligned to it, by item id.
 */
export async function whereTaught(
  ctx: CompetenciesContext,
  actor: Actor | null,
  ref: string,
  reader: Locale,
): Promise<Record<string, TaughtInDto[]>> {
  const framework = await findFramework(ctx.db, actor, ref);
  const rows = await ctx.db
    .select({ alignment: competencyAlignments, levelCode: competencyLevels.code })
    .from(competencyAlignments)
    .innerJoin(competencyItems, eq(competencyItems.id, competencyAlignments.itemId))
    .leftJoin(competencyLevels, eq(competencyLevels.id, competencyAlignments.levelId))
    .where(eq(competencyItems.frameworkId, framework.id));
  const courseOf = new Map<string, string>();
  for (const { alignment: a } of rows) {
    if (a.courseId) courseOf.set(a.id, a.courseId);
    else if (a.lessonId || a.questionId) {
      const course = await courseOfContent(ctx.db, a.lessonId ? "lesson" : "question", (a.lessonId ?? a.questionId)!);
      if (course) courseOf.set(a.id, course.courseId);
    }
  }
  const courseIds = [...new Set(courseOf.values())];
  const [published, courses, programmes, events] = await Promise.all([
    publishedCourseIds(ctx.db, courseIds),
    courseHeadings(ctx.db, courseIds, reader),
    programmeHeadings(
      ctx.db,
      rows.map((r) => r.alignment.programmeId).filter((id): id is string => !!id),
      reader,
    ),
    sessionSummaries(
      ctx.db,
      rows.map((r) => r.alignment.eventId).filter((id): id is string => !!id),
      reader,
    ),
  ]);
  const out: Record<string, TaughtInDto[]> = {};
  const add = (itemId: string, entry: TaughtInDto) => {
    out[itemId] ??= [];
    const list = out[itemId];
    if (!list.some((e) => e.target === entry.target && e.id === entry.id)) list.push(entry);
  };
  for (const { alignment: a, levelCode } of rows) {
    const courseId = courseOf.get(a.id);
    const course = courseId && published.has(courseId) ? courses.get(courseId) : undefined;
    if (course) add(a.itemId, { target: "course", id: course.id, slug: course.slug, title: course.title, levelCode });
    const programme = a.programmeId ? programmes.get(a.programmeId) : undefined;
    if (programme?.status === "published")
      add(a.itemId, { target: "programme", id: programme.id, slug: programme.slug, title: programme.title, levelCode });
    const event = a.eventId ? events.find((e) => e.eventId === a.eventId) : undefined;
    if (event) add(a.itemId, { target: "event", id: event.eventId, slug: event.slug, title: event.title, levelCode });
  }
  return out;
}
