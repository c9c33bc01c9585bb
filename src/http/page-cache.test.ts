import zlib from "node:zlib";
import { describe, expect, test } from "vitest";
import { contentVersionReader } from "./content-version.ts";
import { chooseEncoding, createPageCache, etagOf, matchesEtag, pageKey, unshareable } from "./page-cache.ts";

const html = (text: string) => Buffer.from(`<!DOCTYPE html><html><body>${text.repeat(200)}</body></html>`);
const htmlHeaders = [["content-type", "text/html; charset=utf-8"]] as [string, string][];

describe("page cache", () => {
  test("keeps both encodings of the same HTML and serves them only at the version they were made at", async () => {
    const cache = createPageCache(1024 * 1024);
    const page = await cache.put("/en?#", "7", 200, htmlHeaders, html("hello "));
    expect(zlib.brotliDecompressSync(page.br).toString()).toBe(html("hello ").toString());
    expect(zlib.gunzipSync(page.gzip).toString()).toBe(html("hello ").toString());
    expect(cache.get("/en?#", "7", 0)).toBe(page);
    // A write committed since: the old page is dropped, never served.
    expect(cache.get("/en?#", "8", 0)).toBeUndefined();
    expect(cache.get("/en?#", "7", 0)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, stale: 1, entries: 0, bytes: 0 });
  });

  test("a page older than the oldest time asked for is not served", async () => {
    const cache = createPageCache(1024 * 1024);
    const page = await cache.put("/en?#", "1", 200, htmlHeaders, html("a"));
    expect(cache.get("/en?#", "1", page.madeAt)).toBe(page);
    expect(cache.get("/en?#", "1", page.madeAt + 1)).toBeUndefined();
  });

  test("is bounded by bytes, dropping the least recently used page first", async () => {
    const one = await createPageCache(1 << 20).put("x", "1", 200, htmlHeaders, html("unique text 0 "));
    const cache = createPageCache(one.bytes * 3);
    for (const key of ["a", "b", "c"]) await cache.put(key, "1", 200, htmlHeaders, html("unique text 0 "));
    cache.get("a", "1", 0);
    await cache.put("d", "1", 200, htmlHeaders, html("unique text 0 "));
    expect(cache.get("b", "1", 0)).toBeUndefined();
    expect(cache.get("a", "1", 0)).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(one.bytes * 3);
    expect(cache.stats().evicted).toBe(1);
  });

  test("pages that belong to one reader are not shared", () => {
    const headers = new Headers({ "content-type": "text/html" });
    expect(unshareable(200, headers, "<p>ok</p>")).toBeNull();
    expect(unshareable(404, headers, "<p>ok</p>")).toBe("status");
    expect(unshareable(200, new Headers({ "content-type": "text/html", "set-cookie": "a=b" }), "")).toBe("set-cookie");
    expect(unshareable(200, headers, '<input type="hidden" name="_csrf" value="x">')).toBe("csrf field");
    expect(unshareable(200, headers, '<script nonce="abc">')).toBe("nonce");
    expect(unshareable(200, new Headers({ "content-type": "application/json" }), "{}")).toBe("content-type");
  });
});

describe("keys, encodings and validators", () => {
  test("the key normalises the query's order but keeps what changes the page", () => {
    expect(pageKey("/en/courses?q=data&language=fr", undefined)).toBe(pageKey("/en/courses?language=fr&q=data", undefined));
    expect(pageKey("/en/courses?q=a&q=b", undefined)).not.toBe(pageKey("/en/courses?q=b&q=a", undefined));
    expect(pageKey("/en/events", "Asia%2FBishkek")).not.toBe(pageKey("/en/events", undefined));
    expect(pageKey("/fr/events", undefined)).not.toBe(pageKey("/en/events", undefined));
  });

  test("brotli first, then gzip, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
  });

  test("an ETag names the page in any of its encodings", () => {
    const page = { hash: "abc" };
    expect(etagOf(page, "br")).toBe('"abc-br"');
    expect(etagOf(page, "identity")).toBe('"abc"');
    expect(matchesEtag('"zzz", "abc-gzip"', page)).toBe(true);
    expect(matchesEtag('W/"abc"', page)).toBe(true);
    expect(matchesEtag('"abcd"', page)).toBe(false);
    expect(matchesEtag(undefined, page)).toBe(false);
  });
});

describe("content version reads", () => {
  test("a call while a read is on its way waits for a read that starts after it, shared with the others", async () => {
    const started: Array<(version: string) => void> = [];
    const db = {
      execute: () => new Promise((resolve) => started.push((version) => resolve({ rows: [{ version }] }))),
    } as unknown as Parameters<typeof contentVersionReader>[0];
    const reader = contentVersionReader(db);
    const first = reader.current();
    const second = reader.current();
    const third = reader.current();
    expect(started).toHaveLength(1);
    started[0]?.("1");
    expect(await first).toBe("1");
    await new Promise((r) => setTimeout(r, 0));
    // The second and third callers may have seen a commit the first read missed: one more read for both.
    expect(started).toHaveLength(2);
    started[1]?.("2");
    expect(await second).toBe("2");
    expect(await third).toBe("2");
  });
});
