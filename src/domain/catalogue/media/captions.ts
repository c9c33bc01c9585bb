import { and, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import type { MediaContext } from "../context.ts";
import type { LessonMediaAdminDto, Upload } from "../dto.ts";
import { editableCourse } from "../guards.ts";
import { requireLessonOf } from "../rows.ts";
import { lessonCaptions } from "../schema.ts";
import { fieldStatusSchema } from "../validation.ts";
import { adminMediaOf } from "./files.ts";
import { beforeUpload, deleteStored, record, release, store, touch } from "./storing.ts";

/** The captions of one language, replacing those it had. */
export async function uploadCaptions(
  ctx: MediaContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  captionLocale: string,
  upload: Upload,
  status: "draft" | "ready" = "ready",
): Promise<LessonMediaAdminDto> {
  const course = await beforeUpload(upload, async () => {
    const course = await editableCourse(ctx, actor, ref);
    await requireLessonOf(ctx.db, course.id, lessonId);
    parseInput(contentLocaleSchema, captionLocale);
    parseInput(fieldStatusSchema, status);
    return course;
  });
  const stored = await store(ctx, "captions", upload);
  await record(ctx, stored, actor!, async (tx, file) => {
    const old = await tx
      .delete(lessonCaptions)
      .where(and(eq(lessonCaptions.lessonId, lessonId), eq(lessonCaptions.locale, captionLocale)))
      .returning({ fileId: lessonCaptions.fileId });
    await tx.insert(lessonCaptions).values({ lessonId, locale: captionLocale, fileId: file.id, status });
    await touch(ctx, tx, course.id);
    return release(
      tx,
      old.map((o) => o.fileId),
    );
  });
  return adminMediaOf(ctx.db, lessonId);
}

export async function removeCaptions(
  ctx: MediaContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  captionLocale: string,
): Promise<LessonMediaAdminDto> {
  const course = await editableCourse(ctx, actor, ref);
  await requireLessonOf(ctx.db, course.id, lessonId);
  const released = await ctx.db.transaction(async (tx) => {
    const old = await tx
      .delete(lessonCaptions)
      .where(and(eq(lessonCaptions.lessonId, lessonId), eq(lessonCaptions.locale, captionLocale)))
      .returning({ fileId: lessonCaptions.fileId });
    if (!old.length) throw notFound("captions");
    await touch(ctx, tx, course.id);
    return release(
      tx,
      old.map((o) => o.fileId),
    );
  });
  await deleteStored(ctx, released);
  return adminMediaOf(ctx.db, lessonId);
}
