import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** One page as every anonymous reader gets it, stored only compressed (decision 0017). */
export type CachedPage = {
  version: string;
  /** When it was rendered (ms since the epoch). */
  madeAt: number;
  /** The HTML's hash; the ETag of each encoding adds the encoding to it. */
  hash: string;
  status: number;
  headers: [string, string][];
  br: Buffer;
  gzip: Buffer;
  bytes: number;
};

export type PageCacheStats = {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  stale: number;
  notModified: number;
  stored: number;
  refused: number;
  evicted: number;
};

/**
 * Why a rendered page may not be shared: anything that sets a cookie or carries a form token or
 * a nonce belongs to one reader. The render was made without reader state, so these only happen
 * when a page changes; the page is then sent to its reader but not kept.
 */
export function unshareable(status: number, headers: Headers, html: string): string | null {
  if (status !== 200) return "status";
  if (headers.has("set-cookie")) return "set-cookie";
  if (!headers.get("content-type")?.startsWith("text/html")) return "content-type";
  if (/\bname="_csrf"/.test(html)) return "csrf field";
  if (/\bnonce="/.test(html)) return "nonce";
  return null;
}

/**
 * An in-process LRU of pages, bounded by the bytes it holds (both encodings). A Map keeps its
 * insertion order, so re-inserting on a hit makes the first key the least recently used.
 */
export function createPageCache(maxBytes: number) {
  const entries = new Map<string, CachedPage>();
  const stats: PageCacheStats = {
    entries: 0,
    bytes: 0,
    maxBytes,
    hits: 0,
    misses: 0,
    stale: 0,
    notModified: 0,
    stored: 0,
    refused: 0,
    evicted: 0,
  };

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    stats.bytes -= entry.bytes;
  }

  return {
    /** The page for this key if it was made at this content version and not before `notBefore`; an older one is dropped. */
    get(key: string, version: string, notBefore: number): CachedPage | undefined {
      const entry = entries.get(key);
      if (entry && entry.version === version && entry.madeAt >= notBefore) {
        entries.delete(key);
        entries.set(key, entry);
        stats.hits++;
        return entry;
      }
      if (entry) {
        stats.stale++;
        drop(key);
      }
      stats.misses++;
      return undefined;
    },
    /** Compresses and keeps a page rendered at `version`; returns it to send. */
    async put(key: string, version: string, status: number, headers: [string, string][], html: Buffer): Promise<CachedPage> {
      const [br, gz] = await Promise.all([
        // Quality 5 is close to 11 in size for pages of a few tens of kilobytes, at a small share of the time.
        brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length } }),
        gzip(html, { level: 6 }),
      ]);
      const hash = crypto.createHash("sha256").update(html).digest("base64url").slice(0, 27);
      const page: CachedPage = {
        version,
        madeAt: Date.now(),
        hash,
        status,
        headers,
        br,
        gzip: gz,
        bytes: br.length + gz.length + key.length * 2 + 256,
      };
      if (page.bytes > maxBytes) return page;
      drop(key);
      entries.set(key, page);
      stats.bytes += page.bytes;
      stats.stored++;
      for (const [oldest, entry] of entries) {
        if (stats.bytes <= maxBytes) break;
        entries.delete(oldest);
        stats.bytes -= entry.bytes;
        stats.evicted++;
      }
      return page;
    },
    refused() {
      stats.refused++;
    },
    notModified() {
      stats.notModified++;
    },
    stats(): PageCacheStats {
      return { ...stats, entries: entries.size };
    },
    clear() {
      entries.clear();
      stats.bytes = 0;
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/**
 * The encoding to send: brotli, else gzip, else none (the stored gzip is then inflated; no
 * current browser asks for that, only scripts). q=0 refuses an encoding.
 */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

export const etagOf = (page: Pick<CachedPage, "hash">, encoding: string) =>
  `"${page.hash}${encoding === "identity" ? "" : `-${encoding}`}"`;

/** Whether If-None-Match names this page, in any of its encodings (they are the same HTML). */
export function matchesEtag(ifNoneMatch: string | undefined, page: Pick<CachedPage, "hash">): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => {
    const bare = tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    return bare === page.hash || bare === `${page.hash}-br` || bare === `${page.hash}-gzip`;
  });
}

/**
 * The key: everything that changes an anonymous page's HTML. The path holds the locale; the
 * query is normalised (parameters sorted by name, values of one name kept in order, encoded one
 * way); the reader's remembered time zone (decision 0013) is the one cookie pages read.
 */
export function pageKey(url: string, zoneCookie: string | undefined): string {
  const [pathname = "", query = ""] = url.split("?", 2);
  const params = [...new URLSearchParams(query)];
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams(params).toString();
  return `${pathname}?${search}#${zoneCookie ?? ""}`;
}
