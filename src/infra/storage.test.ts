import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, test } from "vitest";
import { createLocalFileStorage, newStorageKey, readAll, StorageLimitError } from "./storage.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-storage-"));
const storage = createLocalFileStorage(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

describe("local file storage", () => {
  test("writes a stream, hashes it, reads it whole or by range, and deletes it", async () => {
    const key = newStorageKey(new Date("2026-03-04T00:00:00Z"));
    expect(key).toMatch(/^202603\/[0-9a-f-]{36}$/);
    const written = await storage.put(key, Readable.from([Buffer.from("hello "), Buffer.from("world")]), { maxBytes: 100 });
    expect(written).toEqual({ byteSize: 11, sha256: "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" });
    expect((await readAll(storage.read(key))).toString()).toBe("hello world");
    expect((await readAll(storage.read(key, { start: 6, end: 10 }))).toString()).toBe("world");
    expect(await storage.stat(key)).toEqual({ byteSize: 11 });
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    await storage.delete(key);
  });

  test("refuses a stream past its limit and keeps nothing, not even the temporary file", async () => {
    const key = newStorageKey();
    const before = filesUnder(root).length;
    await expect(storage.put(key, Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), { maxBytes: 100 })).rejects.toBeInstanceOf(
      StorageLimitError,
    );
    expect(await storage.stat(key)).toBeNull();
    expect(filesUnder(root)).toHaveLength(before);
  });

  test.each(["../etc/passwd", "/etc/passwd", "a/../../b", "UPPER/case", "a//b", ""])("refuses the key %j", (key) => {
    expect(() => storage.read(key)).toThrow(/invalid storage key/);
  });
});
