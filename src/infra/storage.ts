import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where uploaded files' bytes live. Small on purpose, so an object store (S3 and friends) can
 * stand in for the local disk: write a stream once under a key, read it back whole or in part.
 * Keys are made by the code that stores (see `newStorageKey`), never taken from a request.
 */
export interface FileStorage {
  /** Writes the stream under `key`; refuses (and keeps nothing) past `maxBytes`. */
  put(key: string, source: Readable, options: { maxBytes: number }): Promise<{ byteSize: number; sha256: string }>;
  /** The bytes from `start` to `end` inclusive, or all of them. */
  read(key: string, range?: { start: number; end: number }): Readable;
  stat(key: string): Promise<{ byteSize: number } | null>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** A stream was longer than the limit it was written with. */
export class StorageLimitError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

const keyPattern = /^[a-z0-9]+(?:\/[a-z0-9-]+)*$/;

/** A fresh random key, spread over monthly folders so no directory grows without bound. */
export function newStorageKey(now: Date = new Date()): string {
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `${month}/${crypto.randomUUID()}`;
}

/** Counts and hashes what passes, and fails the pipeline once the limit is crossed. */
function meter(maxBytes: number) {
  const hash = crypto.createHash("sha256");
  let byteSize = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.length;
      if (byteSize > maxBytes) return done(new StorageLimitError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ byteSize, sha256: hash.digest("hex") }) };
}

/** Files under one directory (DATA_DIR/files); a write lands in a temporary file, renamed when complete. */
export function createLocalFileStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    if (!keyPattern.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, ...key.split("/"));
  };

  return {
    async put(key, source, { maxBytes }) {
      const target = pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString("hex")}.part`);
      const counted = meter(maxBytes);
      try {
        await pipeline(source, counted.transform, fs.createWriteStream(temporary, { flags: "wx" }));
        await fs.promises.rename(temporary, target);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        // The rest of an upload we refuse is drained, so the client hears the answer.
        if (error instanceof StorageLimitError) source.resume();
        throw error;
      }
      return counted.result();
    },

    read(key, range) {
      return fs.createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },

    async stat(key) {
      try {
        return { byteSize: (await fs.promises.stat(pathOf(key))).size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}

/** The whole content of a small stored file (captions), for checks that need every byte. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
