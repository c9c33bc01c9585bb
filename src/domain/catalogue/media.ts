import { Readable } from "node:stream";
import { and, asc, eq, inArray, max, notExists, sql } from "drizzle-orm";
import { fileTypeFromStream } from "file-type";
import { z } from "zod";
import type { Database, Executor } from "../../db/client.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { type FileStorage, newStorageKey, readAll, StorageLimitError } from "../../infra/storage.ts";
import { users } from "../identity/schema.ts";
import { type Actor, requireActor, requireRole } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../shared/validation.ts";
import { authorRoles, type CourseRow, canReview, canTranslate, findCourseRow, requireEditable } from "./course-access.ts";
import type { ContentLocale, LessonMediaDto, TranslationStatus } from "./dto.ts";
import { acceptedMimeType, acceptsExtension, cleanFileName, isPlainText, type UploadKind } from "./media-types.ts";
import { courseModules, courses, lessonCaptions, lessonFiles, lessons, storedFiles } from "./schema.ts";

import { checkWebVtt } from "./webvtt.ts";

/** Bytes allowed per kind of upload; the video limit comes from configuration. */
export type UploadLimits = Record<UploadKind, number>;

const MiB = 1024 * 1024;
export const defaultUploadLimits: UploadLimits = { video: 500 * MiB, download: 50 * MiB, captions: 1 * MiB, cover: 5 * MiB };

export type MediaServiceDeps = { db: Database; storage: FileStorage; now?: () => Date; limits?: Partial<UploadLimits> };

/** A file as its name and a stream of its bytes, read once. */
export type Upload = { fileName: string; stream: Readable };

export type StoredFileDto = { id: string; name: string; mimeType: string; byteSize: number; sha256: string; url: string };

/** Everything an author sees and changes about a lesson's media, drafts included. */
export type LessonMediaAdminDto = {
  video: StoredFileDto | null;
  externalUrl: string | null;
  captions: { locale: ContentLocale; status: TranslationStatus; file: StoredFileDto }[];
  downloads: (StoredFileDto & { locale: ContentLocale | null })[];
};

/** A stored file ready to be served: what the files route needs to answer, and its bytes. */
export type ServedFile = {
  id: string;
  name: string;
  mimeType: string;
  byteSize: number;
  sha256: string;
  /** Downloads are saved, not shown in the page; videos, captions and covers are shown. */
  disposition: "inline" | "attachment";
  /** Files of a published course may be cached by anyone; drafts only by their readers. */
  public: boolean;
  read(range?: { start: number; end: number }): Readable;
};

type FileRow = typeof storedFiles.$inferSelect;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Served by the files route; the name is only for people (and their browsers' save dialogs). */
export function fileUrl(file: Pick<FileRow, "id" | "originalName">): string {
  return `/api/v1/files/${file.id}/${encodeURIComponent(file.originalName)}`;
}

function toStoredFile(row: FileRow): StoredFileDto {
  return { id: row.id, name: row.originalName, mimeType: row.mimeType, byteSize: row.byteSize, sha256: row.sha256, url: fileUrl(row) };
}

/** https only: a lesson page must not load a video over plain http or from another scheme. */
export const externalVideoSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain }));

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

/** What a lesson plays and offers its readers: the uploaded video or the link, ready captions, downloads. */
export async function lessonMediaOf(db: Database, lessonId: string): Promise<LessonMediaDto> {
  const { externalUrl, files, captions } = await mediaRows(db, lessonId);
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

/** Covers' URLs by the storage key each course keeps in `coverImagePath`, for a page of courses at once. */
export async function coverImageUrls(db: Database, storageKeys: (string | null)[]): Promise<Map<string, string>> {
  const keys = [...new Set(storageKeys.filter((key): key is string => !!key))];
  if (!keys.length) return new Map();
  const files = await db.select().from(storedFiles).where(inArray(storedFiles.storageKey, keys));
  return new Map(files.map((file) => [file.storageKey, fileUrl(file)]));
}

export function createMediaService(deps: MediaServiceDeps) {
  const { db, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const limits: UploadLimits = { ...defaultUploadLimits, ...deps.limits };

  function tooLarge(kind: UploadKind): DomainError {
    const params = { megabytes: Math.floor(limits[kind] / MiB) };
    return new DomainError("payload_too_large", 413, {}, [
      { path: "file", code: "tooLarge", messageId: "authoring.upload.tooLarge", params },
    ]);
  }

  function unsupported(problem: "type" | `captions.${string}`): DomainError {
    return new DomainError("unsupported_media_type", 415, {}, [
      { path: "file", code: problem, messageId: `authoring.upload.${problem}` as MessageId },
    ]);
  }

  /** An author of the owner, on a course that may still change: published courses change through a new version. */
  async function editableCourse(actor: Actor | null, ref: string): Promise<CourseRow> {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    requireRole(actor, authorRoles, course.ownerOrganisationId);
    requireEditable(course);
    return course;
  }

  async function requireLessonOf(course: CourseRow, lessonId: string): Promise<void> {
    if (!isUuid(lessonId)) throw notFound("lesson");
    const [row] = await db
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(and(eq(lessons.id, lessonId), eq(courseModules.courseId, course.id)));
    if (!row) throw notFound("lesson");
  }

  /** Runs the checks that come before reading an upload; a refused upload is drained so the client hears why. */
  async function beforeUpload<T>(upload: Upload, checks: () => Promise<T>): Promise<T> {
    try {
      return await checks();
    } catch (error) {
      upload.stream.resume();
      throw error;
    }
  }

  /**
   * Streams the upload into storage under a fresh key and checks what arrived: size on the way,
   * then the type sniffed from the bytes against the name. Anything refused is deleted again.
   */
  async function store(kind: UploadKind, upload: Upload) {
    const name = cleanFileName(upload.fileName);
    // A name no accepted type carries is refused before a byte is written.
    if (!acceptsExtension(kind, name)) {
      upload.stream.resume();
      throw unsupported("type");
    }
    const key = newStorageKey(now());
    let written: { byteSize: number; sha256: string };
    try {
      written = await storage.put(key, upload.stream, { maxBytes: limits[kind] });
    } catch (error) {
      if (error instanceof StorageLimitError) throw tooLarge(kind);
      throw error;
    }
    try {
      const head = await readAll(storage.read(key, { start: 0, end: 4095 }));
      const sniffed = head.length ? await fileTypeFromStream(Readable.toWeb(storage.read(key)) as ReadableStream<Uint8Array>) : undefined;
      const mimeType = head.length ? acceptedMimeType(kind, name, sniffed?.mime, isPlainText(head)) : null;
      if (!mimeType) throw unsupported("type");
      if (kind === "captions") {
        const problem = checkWebVtt(await readAll(storage.read(key)));
        if (problem) throw unsupported(`captions.${problem}`);
      }
      return { storageKey: key, originalName: name, mimeType, ...written };
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  }

  /** Records the stored file and links it in one transaction; storage is cleaned up if that fails. */
  async function record(stored: Awaited<ReturnType<typeof store>>, actor: Actor, link: (tx: Executor, file: FileRow) => Promise<string[]>) {
    let released: string[];
    try {
      released = await db.transaction(async (tx) => {
        const [file] = await tx
          .insert(storedFiles)
          // The uploader is remembered when they are a person (the demo seed acts as nobody).
          .values({
            ...stored,
            uploadedById: sql`(select ${users.id} from ${users} where ${users.id} = ${actor.userId})`,
            createdAt: now(),
          })
          .returning();
        return link(tx, file!);
      });
    } catch (error) {
      await storage.delete(stored.storageKey);
      throw error;
    }
    await deleteStored(released);
  }

  /**
   * Deletes the records of files nothing refers to any more (a revision may share them with the
   * course it revises) and returns their storage keys, to delete once the transaction commits.
   */
  async function release(tx: Executor, fileIds: string[]): Promise<string[]> {
    if (!fileIds.length) return [];
    const rows = await tx
      .delete(storedFiles)
      .where(
        and(
          inArray(storedFiles.id, fileIds),
          notExists(tx.select({ one: sql`1` }).from(lessonFiles).where(eq(lessonFiles.fileId, storedFiles.id))),
          notExists(tx.select({ one: sql`1` }).from(lessonCaptions).where(eq(lessonCaptions.fileId, storedFiles.id))),
          notExists(tx.select({ one: sql`1` }).from(courses).where(eq(courses.coverImagePath, storedFiles.storageKey))),
        ),
      )
      .returning({ storageKey: storedFiles.storageKey });
    return rows.map((r) => r.storageKey);
  }

  /** Bytes go after their records: a failed delete leaves an unreferenced file, never a broken link. */
  async function deleteStored(keys: string[]) {
    for (const key of keys) await storage.delete(key).catch(() => {});
  }

  async function touch(tx: Executor, courseId: string) {
    await tx.update(courses).set({ updatedAt: now() }).where(eq(courses.id, courseId));
  }

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
  async function uploadLessonFile(
    actor: Actor | null,
    ref: string,
    lessonId: string,
    role: "video" | "download",
    upload: Upload,
    options: { locale?: string | null | undefined } = {},
  ): Promise<LessonMediaAdminDto> {
    const { course, fileLocale } = await beforeUpload(upload, async () => {
      const course = await editableCourse(actor, ref);
      await requireLessonOf(course, lessonId);
      const fileLocale = options.locale ? parseInput(contentLocaleSchema, options.locale) : null;
      return { course, fileLocale };
    });
    const stored = await store(role, upload);
    await record(stored, actor!, async (tx, file) => {
      const released = role === "video" ? await unlinkVideo(tx, lessonId) : [];
      if (role === "video") await tx.update(lessons).set({ externalUrl: null }).where(eq(lessons.id, lessonId));
      const [last] = await tx
        .select({ position: max(lessonFiles.position) })
        .from(lessonFiles)
        .where(eq(lessonFiles.lessonId, lessonId));
      await tx
        .insert(lessonFiles)
        .values({ lessonId, fileId: file.id, role, position: (last?.position ?? -1) + 1, locale: role === "video" ? null : fileLocale });
      await touch(tx, course.id);
      return released;
    });
    return adminMedia(lessonId);
  }

  /** The captions of one language, replacing those it had. */
  async function uploadCaptions(
    actor: Actor | null,
    ref: string,
    lessonId: string,
    captionLocale: string,
    upload: Upload,
    status: "draft" | "ready" = "ready",
  ): Promise<LessonMediaAdminDto> {
    const course = await beforeUpload(upload, async () => {
      const course = await editableCourse(actor, ref);
      await requireLessonOf(course, lessonId);
      parseInput(contentLocaleSchema, captionLocale);
      parseInput(z.enum(["draft", "ready"]), status);
      return course;
    });
    const stored = await store("captions", upload);
    await record(stored, actor!, async (tx, file) => {
      const old = await tx
        .delete(lessonCaptions)
        .where(and(eq(lessonCaptions.lessonId, lessonId), eq(lessonCaptions.locale, captionLocale)))
        .returning({ fileId: lessonCaptions.fileId });
      await tx.insert(lessonCaptions).values({ lessonId, locale: captionLocale, fileId: file.id, status });
      await touch(tx, course.id);
      return release(
        tx,
        old.map((o) => o.fileId),
      );
    });
    return adminMedia(lessonId);
  }

  async function removeCaptions(actor: Actor | null, ref: string, lessonId: string, captionLocale: string) {
    const course = await editableCourse(actor, ref);
    await requireLessonOf(course, lessonId);
    const released = await db.transaction(async (tx) => {
      const old = await tx
        .delete(lessonCaptions)
        .where(and(eq(lessonCaptions.lessonId, lessonId), eq(lessonCaptions.locale, captionLocale)))
        .returning({ fileId: lessonCaptions.fileId });
      if (!old.length) throw notFound("captions");
      await touch(tx, course.id);
      return release(
        tx,
        old.map((o) => o.fileId),
      );
    });
    await deleteStored(released);
    return adminMedia(lessonId);
  }

  /** Removes a download or the video from the lesson. */
  async function removeLessonFile(actor: Actor | null, ref: string, lessonId: string, fileId: string) {
    const course = await editableCourse(actor, ref);
    await requireLessonOf(course, lessonId);
    if (!isUuid(fileId)) throw notFound("file");
    const released = await db.transaction(async (tx) => {
      const old = await tx
        .delete(lessonFiles)
        .where(and(eq(lessonFiles.lessonId, lessonId), eq(lessonFiles.fileId, fileId)))
        .returning({ fileId: lessonFiles.fileId });
      if (!old.length) throw notFound("file");
      await touch(tx, course.id);
      return release(tx, [fileId]);
    });
    await deleteStored(released);
    return adminMedia(lessonId);
  }

  /** A video hosted elsewhere instead of an uploaded one (which is removed); null removes the link. */
  async function setExternalVideo(actor: Actor | null, ref: string, lessonId: string, url: string | null) {
    const course = await editableCourse(actor, ref);
    await requireLessonOf(course, lessonId);
    const externalUrl = url === null || url.trim() === "" ? null : parseInput(z.object({ url: externalVideoSchema }), { url }).url;
    const released = await db.transaction(async (tx) => {
      const released = externalUrl ? await unlinkVideo(tx, lessonId) : [];
      await tx.update(lessons).set({ externalUrl }).where(eq(lessons.id, lessonId));
      await touch(tx, course.id);
      return released;
    });
    await deleteStored(released);
    return adminMedia(lessonId);
  }

  /** The course's cover image, replacing the one it had. */
  async function uploadCover(actor: Actor | null, ref: string, upload: Upload): Promise<string> {
    const course = await beforeUpload(upload, () => editableCourse(actor, ref));
    const stored = await store("cover", upload);
    let url = "";
    await record(stored, actor!, async (tx, file) => {
      await tx.update(courses).set({ coverImagePath: file.storageKey, updatedAt: now() }).where(eq(courses.id, course.id));
      url = fileUrl(file);
      return releaseCover(tx, course.coverImagePath);
    });
    return url;
  }

  async function removeCover(actor: Actor | null, ref: string): Promise<void> {
    const course = await editableCourse(actor, ref);
    if (!course.coverImagePath) throw notFound("cover");
    const released = await db.transaction(async (tx) => {
      await tx.update(courses).set({ coverImagePath: null, updatedAt: now() }).where(eq(courses.id, course.id));
      return releaseCover(tx, course.coverImagePath);
    });
    await deleteStored(released);
  }

  async function releaseCover(tx: Executor, storageKey: string | null): Promise<string[]> {
    if (!storageKey) return [];
    const [old] = await tx.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.storageKey, storageKey));
    return old ? release(tx, [old.id]) : [];
  }

  async function adminMedia(lessonId: string): Promise<LessonMediaAdminDto> {
    const { externalUrl, files, captions } = await mediaRows(db, lessonId);
    const video = files.find((f) => f.link.role === "video");
    return {
      video: video ? toStoredFile(video.file) : null,
      externalUrl,
      captions: captions.map((c) => ({
        locale: c.caption.locale,
        status: c.caption.status as TranslationStatus,
        file: toStoredFile(c.file),
      })),
      downloads: files.filter((f) => f.link.role === "download").map((f) => ({ ...toStoredFile(f.file), locale: f.link.locale })),
    };
  }

  /** A lesson's media as its authors and reviewers see it, drafts and all. */
  async function getLessonMedia(actor: Actor | null, ref: string, lessonId: string): Promise<LessonMediaAdminDto> {
    requireActor(actor);
    const course = await findCourseRow(db, ref);
    if (!readsDrafts(actor, course.ownerOrganisationId)) throw notFound("course");
    await requireLessonOf(course, lessonId);
    return adminMedia(lessonId);
  }

  function readsDrafts(actor: Actor | null, ownerId: string): boolean {
    return canTranslate(actor, ownerId) || canReview(actor, ownerId);
  }

  /**
   * A file to serve, if the reader may have it: any file of a published course, and a draft's
   * files for its authors, reviewers and translators. Others hear "not found", as for drafts.
   */
  async function openFile(actor: Actor | null, fileId: string): Promise<ServedFile> {
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
    if (!isPublic && !owners.some((c) => readsDrafts(actor, c.ownerId))) throw notFound("file");
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

  return {
    limits,
    /** Where the bytes live, for writers that run in a transaction of their own (the demo seed). */
    storage,
    getLessonMedia,
    uploadLessonFile,
    uploadCaptions,
    removeCaptions,
    removeLessonFile,
    setExternalVideo,
    uploadCover,
    removeCover,
    openFile,
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
