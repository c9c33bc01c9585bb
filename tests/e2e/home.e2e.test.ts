import { describe, expect, it } from "vitest";
import { screenshot, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();
const phone = () => orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

describe("learner-first public pages", () => {
  it("opens the home page on a phone with a search box in the first screen that searches the catalogue", async () => {
    const page = await phone();
    await page.goto(`${orbis.url}/en`);
    const search = page.getByRole("searchbox", { name: "Search courses" });
    const box = await search.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(740);
    await search.fill("quality");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(`${orbis.url}/en/courses?q=quality`);
    expect(await page.locator(".course-card").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("shows new courses, upcoming events and programmes to join before the network's figures, in Russian and Arabic", async () => {
    for (const locale of ["ru", "ar"] as const) {
      const page = await phone();
      await page.goto(`${orbis.url}/${locale}`);
      const sections = await page.locator("main h2").allTextContents();
      const courses = page.locator("#home-courses ~ * .course-card, section:has(#home-courses) .course-card");
      expect(await courses.count()).toBe(4);
      expect(await page.locator("section:has(#home-events) .listing-item").count()).toBeGreaterThan(0);
      expect(await page.locator("section:has(#home-programmes) .listing-item").count()).toBeGreaterThan(0);
      // The figures come after what a learner came for.
      const figures = await page.locator(".figures").boundingBox();
      const events = await page.locator("#home-events").boundingBox();
      expect(figures!.y).toBeGreaterThan(events!.y);
      expect(sections.length).toBeGreaterThan(4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, `home-${locale}-360`);
      await page.context().close();
    }
    // A Russian reader sees courses ready in Russian first: the first card needs no language note.
    const page = await phone();
    await page.goto(`${orbis.url}/ru`);
    expect(await page.locator(".course-card").first().locator(".language-note").count()).toBe(0);
    await page.context().close();
  });

  it("lists a centre's courses, programmes and events on its page", async () => {
    const page = await orbis.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await page.goto(`${orbis.url}/ru/centres/iioe-kyrgyzstan`);
    expect(await page.getByRole("heading", { name: "Курсы этого центра" }).count()).toBe(1);
    const cards = page.locator(".course-card");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const text of await page.locator(".course-card .meta bdi").allTextContents()) {
      expect(text).toBe("Национальный центр IIOE в Кыргызстане");
    }
    expect(await page.locator("#centre-events, #centre-programmes").count()).toBeGreaterThan(0);
    await screenshot(page, "centre-ru-desktop");
    await page.context().close();
  });
});
