import { and, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import type { MediaContext } from "../context.ts";
import type { LessonFileRole, LessonMediaAdminDto, Upload } from "../dto.ts";
import { editableCourse } from "../guards.ts";
import { requireLessonOf } from "../rows.ts";
import { lessonFiles, lessons } from "../schema.ts";
import { externalVideoSchema } from "../validation.ts";
import { adminMediaOf } from "./files.ts";
import { beforeUpload, deleteStored, record, release, store, touch } from "./storing.ts";

async function unlinkVideo(tx: Executor, lessonId: string): Promise<string[]> {
  const old = await tx
    .delete(lessonFiles)
    .where(and(eq(lessonFiles.lessonId, lessonId), eq(lessonFiles.role, "video")))
    .returning({ fileId: lessonFiles.fileId });
  return release(
    tx,
    old.map((o) => o.fileId),
  );
}

/** The lesson's video (replacing the one it had, or its link) or one more download. */
export async function uploadLessonFile(
  ctx: MediaContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  role: LessonFileRole,
  upload: Upload,
  options: { locale?: string | null | undefined } = {},
): Promise<LessonMediaAdminDto> {
  const { course, fileLocale } = await beforeUpload(upload, async () => {
    const course = await editableCourse(ctx, actor, ref);
    await requireLessonOf(ctx.db, course.id, lessonId);
    const fileLocale = options.locale ? parseInput(contentLocaleSchema, options.locale) : null;
    return { course, fileLocale };
  });
  const stored = await store(ctx, role, upload);
  await record(ctx, stored, actor!, async (tx, file) => {
    const released = role === "video" ? await unlinkVideo(tx, lessonId) : [];
    if (role === "video") await tx.update(lessons).set({ externalUrl: null }).where(eq(lessons.id, lessonId));
    const [last] = await tx
      .select({ position: max(lessonFiles.position) })
      .from(lessonFiles)
      .where(eq(lessonFiles.lessonId, lessonId));
    await tx
      .insert(lessonFiles)
      .values({ lessonId, fileId: file.id, role, position: (last?.position ?? -1) + 1, locale: role === "video" ? null : fileLocale });
    await touch(ctx, tx, course.id);
    return released;
  });
  return adminMediaOf(ctx.db, lessonId);
}

/** Removes a download or the video from the lesson. */
export async function removeLessonFile(
  ctx: MediaContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  fileId: string,
): Promise<LessonMediaAdminDto> {
  const course = await editableCourse(ctx, actor, ref);
  await requireLessonOf(ctx.db, course.id, lessonId);
  if (!isUuid(fileId)) throw notFound("file");
  const released = await ctx.db.transaction(async (tx) => {
    const old = await tx
      .delete(lessonFiles)
      .where(and(eq(lessonFiles.lessonId, lessonId), eq(lessonFiles.fileId, fileId)))
      .returning({ fileId: lessonFiles.fileId });
    if (!old.length) throw notFound("file");
    await touch(ctx, tx, course.id);
    return release(tx, [fileId]);
  });
  await deleteStored(ctx, released);
  return adminMediaOf(ctx.db, lessonId);
}

/** A video hosted elsewhere instead of an uploaded one (which is removed); null removes the link. */
export async function setExternalVideo(
  ctx: MediaContext,
  actor: Actor | null,
  ref: string,
  lessonId: string,
  url: string | null,
): Promise<LessonMediaAdminDto> {
  const course = await editableCourse(ctx, actor, ref);
  await requireLessonOf(ctx.db, course.id, lessonId);
  const externalUrl = url === null || url.trim() === "" ? null : parseInput(z.object({ url: externalVideoSchema }), { url }).url;
  const released = await ctx.db.transaction(async (tx) => {
    const released = externalUrl ? await unlinkVideo(tx, lessonId) : [];
    await tx.update(lessons).set({ externalUrl }).where(eq(lessons.id, lessonId));
    await touch(ctx, tx, course.id);
    return released;
  });
  await deleteStored(ctx, released);
  return adminMediaOf(ctx.db, lessonId);
}
