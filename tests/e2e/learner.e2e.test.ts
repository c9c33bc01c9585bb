import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword } from "../../src/seed/people.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

/** Issue 11, points 1 and 6, as learners see them on a 360 px phone without JavaScript, in Chinese and Arabic. */

const orbis = useOrbisAndBrowser();
const phone = () => orbis.newPage({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
const shots = "/tmp/shots/learner";

/** A screenshot for the test run's folder and one to look at; and no page is wider than the phone. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe("a learner's progress and endings", () => {
  it("in Chinese: My learning with covers and progress, the course's ticks, and the completed course's end", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "zh");
    await page.goto(`${orbis.url}/zh/learning`);
    const cards = page.locator(".learning-card");
    expect(await cards.count()).toBe(2);
    expect(await cards.locator("img.card-cover").count()).toBe(2);
    expect(await cards.locator("progress").count()).toBe(2);
    await look(page, "my-learning-zh-360");

    // Two lessons done in the digital pedagogy course: ticked on its page, in Chinese.
    await page.goto(`${orbis.url}/zh/courses/digital-pedagogy-for-higher-education`);
    expect(await page.locator(".syllabus li.done").count()).toBe(2);
    expect(await page.locator(".syllabus li.done .tick").first().textContent()).toContain("✓");
    expect(await page.locator(".lead").textContent()).toContain("学习如何在线上与课堂中");
    await look(page, "course-ticks-zh-360");

    // The healthy-lifestyle course is completed: its end says so, with what to take next.
    await page.goto(`${orbis.url}/zh/learning`);
    await Promise.all([page.waitForURL(/\/complete$/), page.getByRole("link", { name: /^查看学习成果/ }).click()]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("课程已完成");
    expect(await page.locator(".lead").textContent()).toContain("健康生活方式指导基础");
    // The course credential is issued on completion: the page links to it.
    expect(await page.locator(".certificate-placeholder").getByRole("link", { name: "查看证书" }).getAttribute("href")).toMatch(
      /^\/zh\/credentials\/[0-9a-f-]{36}$/,
    );
    expect(await page.locator(".next-courses > li").count()).toBeGreaterThan(0);
    await look(page, "course-complete-zh-360");
    await page.context().close();
  });

  it("in Arabic: the video lesson plays the demo's video with Arabic captions, right to left", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    await page.goto(`${orbis.url}/ar/courses/ai-in-teaching-eg`);
    expect(await page.locator(".syllabus li.done").count()).toBe(1);
    await look(page, "course-ticks-ar-360");
    // Resume goes on to the lesson after the one done: the video.
    await Promise.all([page.waitForURL(/\/learn\//), page.locator(".enrol-panel .button").first().click()]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("أمثلة من قاعات الدرس");
    const video = page.locator("video");
    expect(await video.locator("source, [src]").count()).toBeGreaterThan(0);
    expect(await video.locator('track[srclang="ar"]').count()).toBe(1);
    const src = await page.evaluate(() => {
      const v = document.querySelector("video")!;
      return v.getAttribute("src") ?? v.querySelector("source")!.getAttribute("src")!;
    });
    const file = await page.request.get(new URL(src, orbis.url).toString());
    expect(file.headers()["content-type"]).toContain("video/webm");
    expect((await file.body()).length).toBeGreaterThan(10_000);
    await look(page, "video-lesson-ar-360");
    await page.context().close();
  });

  it("in Russian: a lesson translated by the demo shows its own text, and the download lesson has its PDF", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/courses/blended-learning-design-kg`);
    await Promise.all([page.waitForURL(/\/learn\//), page.getByRole("button", { name: "Записаться на курс" }).click()]);
    await page.locator(".learn-syllabus").getByRole("link", { name: "Шаблон плана учебной недели" }).click();
    const download = page.locator(".downloads a, a[download]").first();
    const href = await download.getAttribute("href");
    const pdf = await page.request.get(new URL(href!, orbis.url).toString());
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    await look(page, "file-lesson-ru-360");
    await page.context().close();
  });
});
