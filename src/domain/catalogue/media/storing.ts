import { Readable } from "node:stream";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { fileTypeFromStream } from "file-type";
import type { Executor } from "../../../db/client.ts";
import type { MessageId } from "../../../i18n/messages/index.ts";
import { newStorageKey, readAll, StorageLimitError } from "../../../infra/storage.ts";
import { peopleByIds } from "../../identity/queries.ts";
import type { Actor } from "../../shared/actor.ts";
import { DomainError } from "../../shared/errors.ts";
import type { MediaContext } from "../context.ts";
import type { Upload, UploadKind, UploadLimits } from "../dto.ts";
import { courses, lessonCaptions, lessonFiles, storedFiles } from "../schema.ts";
import type { FileRow } from "./files.ts";
import { acceptedMimeType, acceptsExtension, cleanFileName, isPlainText } from "./types.ts";
import { checkWebVtt } from "./webvtt.ts";

/*
 * Uploads to file storage and their records: every upload is checked (size on the way, type from
 * the bytes), recorded in the transaction that links it, and its bytes deleted once nothing refers
 * to them any more.
 */

const MiB = 1024 * 1024;
/** Bytes allowed per kind of upload unless configured otherwise (the video limit is, by MAX_VIDEO_UPLOAD_MB). */
export const defaultUploadLimits: UploadLimits = { video: 500 * MiB, download: 50 * MiB, captions: 1 * MiB, cover: 5 * MiB };

function tooLarge(ctx: MediaContext, kind: UploadKind): DomainError {
  const params = { megabytes: Math.floor(ctx.limits[kind] / MiB) };
  return new DomainError("payload_too_large", 413, {}, [
    { path: "file", code: "tooLarge", messageId: "authoring.upload.tooLarge", params },
  ]);
}

function unsupported(problem: "type" | `captions.${string}`): DomainError {
  return new DomainError("unsupported_media_type", 415, {}, [
    { path: "file", code: problem, messageId: `authoring.upload.${problem}` as MessageId },
  ]);
}

/** Runs the checks that come before reading an upload; a refused upload is drained so the client hears why. */
export async function beforeUpload<T>(upload: Upload, checks: () => Promise<T>): Promise<T> {
  try {
    return await checks();
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
}

export type Stored = { storageKey: string; originalName: string; mimeType: string; byteSize: number; sha256: string };

/**
 * Streams the upload into storage under a fresh key and checks what arrived: size on the way,
 * then the type sniffed from the bytes against the name. Anything refused is deleted again.
 */
export async function store(ctx: MediaContext, kind: UploadKind, upload: Upload): Promise<Stored> {
  const { storage } = ctx;
  const name = cleanFileName(upload.fileName);
  // A name no accepted type carries is refused before a byte is written.
  if (!acceptsExtension(kind, name)) {
    upload.stream.resume();
    throw unsupported("type");
  }
  const key = newStorageKey(ctx.now());
  let written: { byteSize: number; sha256: string };
  try {
    written = await storage.put(key, upload.stream, { maxBytes: ctx.limits[kind] });
  } catch (error) {
    if (error instanceof StorageLimitError) throw tooLarge(ctx, kind);
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

/** Bytes go after their records: a failed delete leaves an unreferenced file, never a broken link. */
export async function deleteStored(ctx: MediaContext, keys: string[]) {
  for (const key of keys) await ctx.storage.delete(key).catch(() => {});
}

/**
 * Records the stored file and links it in one transaction (`link` answers the storage keys it
 * released); the new bytes are deleted if that fails, the released ones once it commits.
 */
export async function record(ctx: MediaContext, stored: Stored, actor: Actor, link: (tx: Executor, file: FileRow) => Promise<string[]>) {
  let released: string[];
  try {
    released = await ctx.db.transaction(async (tx) => {
      // The uploader is remembered when they are a person (the demo seed acts as nobody).
      const uploader = (await peopleByIds(tx, [actor.userId])).has(actor.userId) ? actor.userId : null;
      const [file] = await tx
        .insert(storedFiles)
        .values({ ...stored, uploadedById: uploader, createdAt: ctx.now() })
        .returning();
      return link(tx, file!);
    });
  } catch (error) {
    await ctx.storage.delete(stored.storageKey);
    throw error;
  }
  await deleteStored(ctx, released);
}

/**
 * Deletes the records of files nothing refers to any more (a revision may share them with the
 * course it revises) and returns their storage keys, to delete once the transaction commits.
 */
export async function release(tx: Executor, fileIds: string[]): Promise<string[]> {
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

/** The course changed: its authors' list shows it first. */
export async function touch(ctx: MediaContext, tx: Executor, courseId: string) {
  await tx.update(courses).set({ updatedAt: ctx.now() }).where(eq(courses.id, courseId));
}
