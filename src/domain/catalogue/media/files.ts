import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { LessonMediaAdminDto, LessonMediaDto, StoredFileDto } from "../dto.ts";
import { lessonCaptions, lessonFiles, lessons, storedFiles } from "../schema.ts";

/* A lesson's media and courses' covers as their readers and authors see them. */

export type FileRow = typeof storedFiles.$inferSelect;

/** Served by the files route; the name is only for people (and their browsers' save dialogs). */
export function fileUrl(file: Pick<FileRow, "id" | "originalName">): string {
  return `/api/v1/files/${file.id}/${encodeURIComponent(file.originalName)}`;
}

function toStoredFile(row: FileRow): StoredFileDto {
  return { id: row.id, name: row.originalName, mimeType: row.mimeType, byteSize: row.byteSize, sha256: row.sha256, url: fileUrl(row) };
}

async function mediaRows(db: Executor, lessonId: string) {
  const [lesson] = await db.select({ externalUrl: lessons.externalUrl }).from(lessons).where(eq(lessons.id, lessonId));
  const files = await db
    .select({ link: lessonFiles, file: storedFiles })
    .from(lessonFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, lessonFiles.fileId))
    .where(eq(lessonFiles.lessonId, lessonId))
    .orderBy(asc(lessonFiles.position), asc(lessonFiles.id));
  const captions = await db
    .select({ caption: lessonCaptions, file: storedFiles })
    .from(lessonCaptions)
    .innerJoin(storedFiles, eq(storedFiles.id, lessonCaptions.fileId))
    .where(eq(lessonCaptions.lessonId, lessonId))
    .orderBy(asc(lessonCaptions.locale));
  return { externalUrl: lesson?.externalUrl ?? null, files, captions };
}

type ReaderFile = { link: { role: string; locale: string | null }; file: Pick<FileRow, "id" | "originalName" | "mimeType" | "byteSize"> };
type ReaderCaption = { caption: { locale: string; status: string }; file: Pick<FileRow, "id" | "originalName"> };

/** What a lesson plays and offers its readers, from its rows: the uploaded video or the link, ready captions, downloads. */
export function readerMedia(externalUrl: string | null, files: readonly ReaderFile[], captions: readonly ReaderCaption[]): LessonMediaDto {
  const video = files.find((f) => f.link.role === "video")?.file;
  return {
    video: video ? { url: fileUrl(video), mimeType: video.mimeType } : externalUrl ? { externalUrl } : null,
    captions: captions.filter((c) => c.caption.status === "ready").map((c) => ({ locale: c.caption.locale, url: fileUrl(c.file) })),
    downloads: files
      .filter((f) => f.link.role === "download")
      .map((f) => ({
        name: f.file.originalName,
        url: fileUrl(f.file),
        mimeType: f.file.mimeType,
        byteSize: f.file.byteSize,
        locale: f.link.locale,
      })),
  };
}

/** A lesson's media as its authors see it: every file, captions in every status. */
export async function adminMediaOf(db: Executor, lessonId: string): Promise<LessonMediaAdminDto> {
  const { externalUrl, files, captions } = await mediaRows(db, lessonId);
  const video = files.find((f) => f.link.role === "video");
  return {
    video: video ? toStoredFile(video.file) : null,
    externalUrl,
    captions: captions.map((c) => ({ locale: c.caption.locale, status: c.caption.status, file: toStoredFile(c.file) })),
    downloads: files.filter((f) => f.link.role === "download").map((f) => ({ ...toStoredFile(f.file), locale: f.link.locale })),
  };
}

/** Covers' URLs by the storage key each course keeps in `coverImagePath`, for a page of courses at once. */
export async function coverImageUrls(db: Executor, storageKeys: (string | null)[]): Promise<Map<string, string>> {
  const keys = [...new Set(storageKeys.filter((key): key is string => !!key))];
  if (!keys.length) return new Map();
  const files = await db.select().from(storedFiles).where(inArray(storedFiles.storageKey, keys));
  return new Map(files.map((file) => [file.storageKey, fileUrl(file)]));
}
