import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type RunningOrbis, screenshot, startOrbis } from "./support.ts";

let orbis: RunningOrbis;
let browser: Browser;

beforeAll(async () => {
  [orbis, browser] = await Promise.all([startOrbis(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await orbis?.stop();
});

/** A fresh visitor; without JavaScript the search form must still work (a plain GET form). */
async function freshPage(options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
  return context.newPage();
}

/** Types the query into the catalogue's search box and submits the form. */
async function search(page: Page, label: string, query: string) {
  await page.getByRole("searchbox", { name: label }).fill(query);
  await Promise.all([page.waitForURL(/[?&]q=/), page.locator("form[role=search] button[type=submit]").click()]);
}

const resultTitles = (page: Page) => page.locator(".course-card h2").allTextContents();

describe("the course catalogue", () => {
  it("lets a learner searching in Russian find a Russian course and open its page, without JavaScript", async () => {
    const page = await freshPage({ javaScript: false });
    await page.goto(`${orbis.url}/ru`);
    await page.getByRole("navigation", { name: "Основная" }).getByRole("link", { name: "Курсы" }).click();
    await page.waitForURL(`${orbis.url}/ru/courses`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Каталог курсов");

    await search(page, "Поиск курсов", "смешанного обучения");
    expect(await resultTitles(page)).toEqual(["Основы смешанного обучения"]);
    expect(await page.getByRole("status").textContent()).toBe("1 курс");
    const card = page.locator(".course-card").first();
    expect(await card.textContent()).toContain("Национальный центр IIOE в Кыргызстане");
    expect(await card.textContent()).toContain("русский и английский");

    await page.getByRole("link", { name: "Основы смешанного обучения" }).click();
    await page.waitForURL(`${orbis.url}/ru/courses/blended-learning-design-kg`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Основы смешанного обучения");
    const moduleTitle = await page.locator(".syllabus h3").first().textContent();
    expect(moduleTitle?.replace(/[\u2068\u2069]/g, "")).toBe("Модуль 1. Модели смешанного обучения");
    expect(await page.locator(".syllabus .lessons li").first().textContent()).toContain("Что такое смешанное обучение");
    const facts = await page.locator(".course-facts").textContent();
    expect(facts).toContain("Кыргызский национальный университет");
    expect(facts).toContain("CC-BY-SA-4.0");
    expect(await page.locator(".language-note").count()).toBe(0);
    await screenshot(page, "catalogue-course-ru");
    await page.context().close();
  });

  it("finds courses from a search in Chinese", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/zh/courses`);
    expect(await page.getAttribute("html", "lang")).toBe("zh");
    await search(page, "搜索课程", "视频制作");
    expect(await resultTitles(page)).toEqual(["在线课程视频制作"]);
    await page.getByRole("link", { name: "在线课程视频制作" }).click();
    await page.waitForURL(/\/zh\/courses\/video-production-for-online-courses$/);
    const moduleTitle = await page.locator(".syllabus h3").first().textContent();
    expect(moduleTitle?.replace(/[\u2068\u2069]/g, "")).toBe("模块 1：拍摄前的准备");
    await page.context().close();
  });

  it("finds courses from a search in Arabic, on a right-to-left page", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/ar/courses`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await screenshot(page, "catalogue-list-ar");
    await search(page, "ابحث عن دورة", "الذكاء الاصطناعي");
    expect(await resultTitles(page)).toEqual(["الذكاء الاصطناعي في التدريس"]);
    // Right to left: the search field's label starts at the right edge of the form.
    const [label, form] = await Promise.all([
      page.locator("label[for=filter-q]").boundingBox(),
      page.locator("form[role=search]").boundingBox(),
    ]);
    expect(label!.x + label!.width).toBeGreaterThan(form!.x + form!.width * 0.8);
    await page.context().close();
  });

  it("says when a course is shown in its own language, and filters by language and category", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/en/courses?q=${encodeURIComponent("грамотность")}`);
    const card = page.locator(".course-card").first();
    expect(await card.locator("h2").textContent()).toBe("Цифровая грамотность преподавателя");
    expect(await card.locator("h2 bdi").getAttribute("lang")).toBe("ru");
    expect(await card.locator(".language-note").textContent()).toBe("Shown in Russian: not yet available in your language.");

    await page.goto(`${orbis.url}/en/courses`);
    await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "Swahili" });
    await page.getByRole("combobox", { name: "Category" }).selectOption({ label: "Technical and vocational (TVET)" });
    await Promise.all([page.waitForURL(/lang=sw/), page.locator("form[role=search] button[type=submit]").click()]);
    expect(await resultTitles(page)).toEqual(["Mobile phone repair and maintenance"]);

    await page.goto(`${orbis.url}/en/courses/no-such-course`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await page.context().close();
  });
});
