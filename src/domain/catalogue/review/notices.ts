import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import type { CatalogueContext } from "../context.ts";
import type { NoticeDto } from "../dto.ts";
import { courseFor } from "../guards.ts";
import { shownTitles } from "../mapping.ts";
import type { CourseRow } from "../rows.ts";
import { courseNotices, courses } from "../schema.ts";

type NoticeData = { sourceId?: string; version?: number };

/** What the course's authors have not dismissed yet, newest first. */
export async function noticesOf(ctx: CatalogueContext, course: CourseRow, reader: Locale): Promise<NoticeDto[]> {
  const { db } = ctx;
  const rows = await db
    .select()
    .from(courseNotices)
    .where(and(eq(courseNotices.courseId, course.id), isNull(courseNotices.dismissedAt)))
    .orderBy(desc(courseNotices.createdAt));
  const sourceIds = [...new Set(rows.map((r) => (r.data as NoticeData).sourceId).filter((id): id is string => !!id))];
  const [titles, sources] = await Promise.all([
    shownTitles(db, sourceIds, reader),
    sourceIds.length ? db.select({ id: courses.id, slug: courses.slug }).from(courses).where(inArray(courses.id, sourceIds)) : [],
  ]);
  return rows.map((row) => {
    const data = row.data as NoticeData;
    const source = sources.find((s) => s.id === data.sourceId);
    return {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt.toISOString(),
      source: source ? { slug: source.slug, title: titles.get(source.id) ?? source.slug, version: data.version ?? 0 } : null,
    };
  });
}

export async function notices(ctx: CatalogueContext, actor: Actor | null, ref: string, reader: Locale): Promise<NoticeDto[]> {
  const { course } = await courseFor(ctx.db, actor, ref, "course.author");
  return noticesOf(ctx, course, reader);
}

export async function dismissNotice(ctx: CatalogueContext, actor: Actor | null, ref: string, noticeId: string): Promise<void> {
  const { course } = await courseFor(ctx.db, actor, ref, "course.author");
  if (!isUuid(noticeId)) throw notFound("notice");
  const [row] = await ctx.db
    .update(courseNotices)
    .set({ dismissedAt: ctx.now() })
    .where(and(eq(courseNotices.id, noticeId), eq(courseNotices.courseId, course.id), isNull(courseNotices.dismissedAt)))
    .returning({ id: courseNotices.id });
  if (!row) throw notFound("notice");
}
