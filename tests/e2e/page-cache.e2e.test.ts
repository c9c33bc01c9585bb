/**
 * The anonymous page cache on the built server (decision 0017): a public page is rendered once
 * for every anonymous reader, sent compressed with an ETag and no nonce or cookie, answered 304
 * when unchanged, never served after a write that changes it, and never used for a signed-in
 * reader. In the browser, the cached page works at 360 px in English, Arabic and Chinese, with
 * its one inline script allowed by hash (no CSP violation).
 */
import { describe, expect, it } from "vitest";
import { screenshot, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();

async function adminToken(): Promise<string> {
  const response = await fetch(`${orbis.url}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@orbis.example", password: "orbis-demo-2026", name: "page cache test" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function firstCentre(): Promise<string> {
  const html = await (await fetch(`${orbis.url}/en/centres`)).text();
  const path = /\/en\/centres\/[a-z0-9-]+(?=")/.exec(html)?.[0];
  expect(path).toBeDefined();
  return path!;
}

describe("anonymous page cache", () => {
  it("renders a public page once, then serves it compressed with validators, no nonce and no cookie", async () => {
    const url = `${orbis.url}/en/courses?q=education&sort=title`;
    const first = await fetch(url, { headers: { "accept-encoding": "br" } });
    const html = await first.text();
    const second = await fetch(`${orbis.url}/en/courses?sort=title&q=education`, { headers: { "accept-encoding": "br" } });
    expect(await second.text()).toBe(html);
    expect(second.headers.get("x-orbis-cache")).toBe("hit");
    expect(second.headers.get("content-encoding")).toBe("br");
    expect(second.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5, must-revalidate");
    expect(second.headers.get("set-cookie")).toBeNull();
    const policy = second.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain("nonce-");
    expect(html).not.toMatch(/nonce=|name="_csrf"/);
    const etag = second.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const gzip = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(await gzip.text()).toBe(html);
    const unchanged = await fetch(url, { headers: { "accept-encoding": "gzip", "if-none-match": etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(gzip.headers.get("etag"));
  });

  it("never serves a page older than a write that changes it", async () => {
    const centre = await firstCentre();
    await fetch(`${orbis.url}${centre}`);
    const cached = await fetch(`${orbis.url}${centre}`);
    expect(cached.headers.get("x-orbis-cache")).toBe("hit");
    const etag = cached.headers.get("etag") ?? "";
    const token = await adminToken();
    const area = `Cache test area ${Date.now()}`;
    const patched = await fetch(`${orbis.url}/api/v1${centre.slice(3)}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ focusAreas: [area] }),
    });
    expect(patched.status).toBe(200);
    const fresh = await fetch(`${orbis.url}${centre}`, { headers: { "if-none-match": etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-orbis-cache")).toBe("miss");
    expect(await fresh.text()).toContain(area);
  });

  it("is not used for signed-in readers, nor for a zone chosen in the address", async () => {
    const token = await adminToken();
    const signedIn = await fetch(`${orbis.url}/en/courses`, { headers: { authorization: `Bearer ${token}` } });
    expect(signedIn.headers.get("x-orbis-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const chosen = await fetch(`${orbis.url}/en/events?tz=Asia%2FBishkek`);
    expect(chosen.headers.get("set-cookie")).toMatch(/^orbis_tz=/);
    expect(chosen.headers.get("cache-control")).toBe("no-store");
    const remembered = await fetch(`${orbis.url}/en/events`, { headers: { cookie: "orbis_tz=Asia%2FBishkek" } });
    const utc = await fetch(`${orbis.url}/en/events`);
    expect(await remembered.text()).not.toBe(await utc.text());
  });

  for (const locale of ["en", "ar", "zh"]) {
    it(`a cached page works in the browser at 360 px (${locale})`, async () => {
      const page = await orbis.newPage({ viewport: { width: 360, height: 740 } });
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${orbis.url}/${locale}/events`);
      const response = await page.goto(`${orbis.url}/${locale}/events`);
      expect(response?.headers()["x-orbis-cache"]).toBe("hit");
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(violations).toEqual([]);
      await screenshot(page, `page-cache-events-${locale}`);
      await page.screenshot({ path: `/tmp/shots/perf-cache/events-cached-${locale}.png` });
      await page.context().close();
    });
  }
});
