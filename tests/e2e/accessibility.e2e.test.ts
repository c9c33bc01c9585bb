import { describe, expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { crawl } from "./crawl.ts";
import { signIn, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();
const locales = ["en", "ar", "zh"];

describe("accessibility: axe finds nothing wrong", () => {
  it("on every kind of page the crawl reaches, each in one of English, Arabic and Chinese in turn, at 360 px", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    await signIn(page, orbis.url, "admin@orbis.example", "orbis-demo-2026");
    const paths = await crawl(page, orbis.url);
    expect(paths.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const [index, path] of paths.entries()) {
      // One locale per page keeps the run short; over the crawl every kind of page meets right-to-left and CJK often.
      const localised = path.replace(/^\/en/, `/${locales[index % locales.length]}`);
      await page.goto(`${orbis.url}${localised}`);
      for (const problem of await axeViolations(page)) problems.push(`${localised}: ${problem}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);

  it("on the pages a visitor sees before signing in", async () => {
    const page = await orbis.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const problems: string[] = [];
    for (const path of ["/ar", "/ru/courses", "/zh/events", "/en/sign-in", "/ar/sign-up", "/ru/forgot-password", "/zh/competencies"]) {
      await page.goto(`${orbis.url}${path}`);
      for (const problem of await axeViolations(page)) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
