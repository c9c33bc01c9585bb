import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import type { MediaContext } from "../context.ts";
import type { Upload } from "../dto.ts";
import { editableCourse } from "../guards.ts";
import { courses, storedFiles } from "../schema.ts";
import { fileUrl } from "./files.ts";
import { beforeUpload, deleteStored, record, release, store } from "./storing.ts";

async function releaseCover(tx: Executor, storageKey: string | null): Promise<string[]> {
  if (!storageKey) return [];
  const [old] = await tx.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.storageKey, storageKey));
  return old ? release(tx, [old.id]) : [];
}

/** The course's cover image, replacing the one it had; answers its URL. */
export async function uploadCover(ctx: MediaContext, actor: Actor | null, ref: string, upload: Upload): Promise<string> {
  const course = await beforeUpload(upload, () => editableCourse(ctx, actor, ref));
  const stored = await store(ctx, "cover", upload);
  let url = "";
  await record(ctx, stored, actor!, async (tx, file) => {
    await tx.update(courses).set({ coverImagePath: file.storageKey, updatedAt: ctx.now() }).where(eq(courses.id, course.id));
    url = fileUrl(file);
    return releaseCover(tx, course.coverImagePath);
  });
  return url;
}

export async function removeCover(ctx: MediaContext, actor: Actor | null, ref: string): Promise<void> {
  const course = await editableCourse(ctx, actor, ref);
  if (!course.coverImagePath) throw notFound("cover");
  const released = await ctx.db.transaction(async (tx) => {
    await tx.update(courses).set({ coverImagePath: null, updatedAt: ctx.now() }).where(eq(courses.id, course.id));
    return releaseCover(tx, course.coverImagePath);
  });
  await deleteStored(ctx, released);
}
