import { and, eq } from "drizzle-orm";
import type { Actor } from "../../shared/actor.ts";
import { notFound } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import type { MediaContext } from "../context.ts";
import type { ServedFile } from "../dto.ts";
import { can } from "../permissions.ts";
import { courseModules, courses, lessonCaptions, lessonFiles, lessons, storedFiles } from "../schema.ts";

/**
 * A file to serve, if the reader may have it: any file of a published course, and a draft's
 * files for its authors, reviewers and translators. Others hear "not found", as for drafts.
 */
export async function openFile(ctx: MediaContext, actor: Actor | null, fileId: string): Promise<ServedFile> {
  const { db, storage } = ctx;
  if (!isUuid(fileId)) throw notFound("file");
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file) throw notFound("file");
  const lessonCourse = (link: typeof lessonFiles | typeof lessonCaptions) =>
    db
      .select({ status: courses.status, ownerId: courses.ownerOrganisationId })
      .from(link)
      .innerJoin(lessons, eq(lessons.id, link.lessonId))
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, courseModules.courseId))
      .where(eq(link.fileId, file.id));
  const [asLessonFile, asCaptions, asCover, downloads] = await Promise.all([
    lessonCourse(lessonFiles),
    lessonCourse(lessonCaptions),
    db
      .select({ status: courses.status, ownerId: courses.ownerOrganisationId })
      .from(courses)
      .where(eq(courses.coverImagePath, file.storageKey)),
    db
      .select({ id: lessonFiles.id })
      .from(lessonFiles)
      .where(and(eq(lessonFiles.fileId, file.id), eq(lessonFiles.role, "download"))),
  ]);
  const owners = [...asLessonFile, ...asCaptions, ...asCover];
  const isPublic = owners.some((c) => c.status === "published");
  if (!isPublic && !owners.some((c) => can(actor, "course.readDrafts", c.ownerId))) throw notFound("file");
  return {
    id: file.id,
    name: file.originalName,
    mimeType: file.mimeType,
    byteSize: file.byteSize,
    sha256: file.sha256,
    disposition: downloads.length ? "attachment" : "inline",
    public: isPublic,
    read: (range) => storage.read(file.storageKey, range),
  };
}
