import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { crawl } from "./crawl.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const orbis = useOrbisAndBrowser();
const phone = (javaScriptEnabled = false) => orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("phone first: every page fits a 360 px screen", () => {
  it("fits every crawled page into 360 px in English, Arabic and Russian, header included", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "admin@orbis.example", demoPassword);
    const paths = await crawl(page, orbis.url);
    expect(paths.length).toBeGreaterThan(30);
    const tooWide: string[] = [];
    for (const locale of ["en", "ar", "ru"]) {
      for (const path of paths) {
        const localised = path.replace(/^\/en/, `/${locale}`);
        await page.goto(`${orbis.url}${localised}`);
        const width = await overflow(page);
        if (width > 360) tooWide.push(`${localised}: ${width}px`);
      }
    }
    expect(tooWide).toEqual([]);
    await page.context().close();
  }, 900_000);

  it("keeps the header to one short row on a phone, with a menu and a language picker that open without script", async () => {
    for (const locale of ["en", "ar", "zh"]) {
      const page = await phone();
      await page.goto(`${orbis.url}/${locale}/courses`);
      const header = await page.locator(".site-header").boundingBox();
      expect(header!.height).toBeLessThanOrEqual(120);
      // Navigation is folded away until the menu opens.
      const courses = page
        .locator(".main-nav")
        .getByRole("link", { name: locale === "en" ? "Courses" : /./ })
        .first();
      expect(await courses.isVisible()).toBe(false);
      await page.locator(".site-menu summary").click();
      expect(await courses.isVisible()).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(360);
      await screenshot(page, `phone-menu-${locale}`);
      await page.context().close();
    }
    const page = await phone();
    await page.goto(`${orbis.url}/en/courses`);
    await page.locator(".language-picker summary").click();
    await page.getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(`${orbis.url}/ar/courses`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.context().close();
  });

  it("shows the menu's links in the header row on a desktop", async () => {
    const page = await orbis.newPage({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    await page.goto(`${orbis.url}/ru`);
    expect(await page.locator(".site-menu summary").isVisible()).toBe(false);
    expect(await page.locator(".main-nav").getByRole("link", { name: "Курсы" }).isVisible()).toBe(true);
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
    await page.context().close();
  });
});

describe("the primary action in the first screen", () => {
  it("puts an event's Register button in a phone's first screen, above the time-zone form", async () => {
    const events = (await (await fetch(`${orbis.url}/api/v1/events?period=upcoming&limit=1`)).json()) as { items: { slug: string }[] };
    const page = await phone();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/events/${events.items[0]!.slug}`);
    const register = page.locator(".event-actions button[type=submit]").first();
    const button = await register.boundingBox();
    expect(button!.y + button!.height).toBeLessThanOrEqual(740);
    const zoneForm = await page.locator(".time-zone-form").first().boundingBox();
    expect(button!.y).toBeLessThan(zoneForm!.y);
    await screenshot(page, "event-register-ru-360");
    await page.context().close();
  });
});

describe("design system", () => {
  it("draws a cover for every course without an uploaded one, served as a cacheable SVG", async () => {
    const page = await phone();
    await page.goto(`${orbis.url}/zh/courses`);
    const covers = page.locator(".course-card img.card-cover");
    expect(await covers.count()).toBeGreaterThan(3);
    const src = (await covers.first().getAttribute("src"))!;
    expect(src).toMatch(/^\/zh\/courses\/[^/]+\/cover\.svg$/);
    const response = await page.request.get(`${orbis.url}${src}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    expect(response.headers()["cache-control"]).toBe("public, max-age=86400");
    const again = await page.request.get(`${orbis.url}${src}`, { headers: { "if-none-match": response.headers().etag! } });
    expect(again.status()).toBe(304);
    // The image really decodes in the browser.
    await covers.first().scrollIntoViewIfNeeded();
    await expect.poll(() => covers.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await page.context().close();
  });

  it("documents the tokens and components on a style page for staff only", async () => {
    const staff = await phone();
    await signIn(staff, orbis.url, "author.kg@orbis.example", demoPassword, "ru");
    const response = await staff.goto(`${orbis.url}/ru/manage/style`);
    expect(response!.status()).toBe(200);
    expect(await staff.getByRole("heading", { level: 1 }).textContent()).toBe("Руководство по стилю");
    expect(await staff.locator(".swatch").count()).toBeGreaterThan(8);
    expect(await overflow(staff)).toBeLessThanOrEqual(360);
    await screenshot(staff, "style-guide-ru-360");
    await staff.context().close();

    const learner = await phone();
    await signIn(learner, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    expect((await learner.goto(`${orbis.url}/ar/manage/style`))!.status()).toBe(403);
    await learner.context().close();
  });
});
