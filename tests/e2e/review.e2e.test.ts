import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();
const password = "orbis-demo-2026";

/** Submits the form holding the button and waits for the page it leads to. */
async function press(page: Page, name: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name, exact: true }).click()]);
}

describe("quality review and translation", () => {
  let slug = "";

  it("an author submits a draft, the reviewer scores and approves it, and it joins the catalogue", async () => {
    const author = await orbis.newPage();
    await signIn(author, orbis.url, "author.kg@orbis.example", password);
    const centre = await (await author.request.get(`${orbis.url}/api/v1/centres/iioe-kyrgyzstan`)).json();
    // The draft is written through the API with the browser's session: authoring screens are another journey.
    const created = await author.request.post(`${orbis.url}/api/v1/courses`, {
      data: {
        ownerId: centre.id,
        category: "teacher_professional_development",
        level: "introductory",
        estimatedHours: 4,
        licence: "CC-BY-4.0",
        defaultLocale: "en",
        title: "Mobile learning in rural schools",
        summary: "Teaching with basic phones where the connection is weak.",
        syllabus: [
          {
            title: "Phones in class",
            lessons: [
              { kind: "text", title: "What a basic phone can do", body: "<p>Messages, voice and radio reach every learner.</p>" },
              { kind: "text", title: "Planning a week of lessons", body: "<p>One message a day, one voice call a week.</p>" },
            ],
          },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    slug = (await created.json()).slug;

    await author.goto(`${orbis.url}/en/manage/courses/${slug}/review`);
    expect(await author.getByRole("heading", { level: 1 }).textContent()).toContain("Mobile learning in rural schools");
    // Ask for a Russian translation, so it reaches the translators' queue.
    await author.getByRole("combobox", { name: "Language" }).selectOption({ label: "Russian" });
    await press(author, "Ask for a translation");
    expect(await author.locator("#translations-title + ul").textContent()).toContain("Russian");
    await press(author, "Submit for review");
    expect(await author.locator(".facts").textContent()).toContain("In review");
    await author.context().close();

    const reviewer = await orbis.newPage();
    await signIn(reviewer, orbis.url, "reviewer@orbis.example", password);
    await reviewer.goto(`${orbis.url}/en/manage/reviews`);
    await Promise.all([reviewer.waitForNavigation(), reviewer.getByRole("link", { name: "Mobile learning in rural schools" }).click()]);
    const selects = await reviewer.locator('select[name$=".score"]').all();
    expect(selects.length).toBeGreaterThanOrEqual(8);
    // Approving with an essential criterion at zero is refused, with the reason beside it.
    for (const select of selects) await select.selectOption("0");
    await press(reviewer, "Approve and publish");
    expect(await reviewer.locator(".form-error").first().textContent()).toContain("essential criterion");
    for (const select of selects) {
      const values = await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      await select.selectOption(values.at(-1)!);
    }
    await reviewer.getByRole("textbox", { name: "Overall comment" }).fill("Clear, light and practical.");
    await press(reviewer, "Approve and publish");
    expect(await reviewer.locator(".facts").textContent()).toContain("Published");
    expect(await reviewer.locator(".reviews").textContent()).toContain("Clear, light and practical.");

    await reviewer.goto(`${orbis.url}/en/courses?q=${encodeURIComponent("rural schools")}`);
    expect(await reviewer.locator(".course-card h2").allTextContents()).toEqual(["Mobile learning in rural schools"]);
    await reviewer.context().close();
  });

  it("a Russian translator translates it through the queue; Russian readers then find it in Russian", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "translator.ru@orbis.example", password, "ru");
    await page.goto(`${orbis.url}/ru/manage/translations?language=ru`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Работа переводчика");
    const row = page.locator("tr", { hasText: "Mobile learning in rural schools" });
    expect(await row.textContent()).toContain("без перевода 7");
    await Promise.all([page.waitForNavigation(), row.getByRole("link").click()]);
    expect(await page.locator("h1").textContent()).toContain("Перевод: русский");

    await page.locator('input[name="title"]').fill("Мобильное обучение в сельских школах");
    await page.locator('textarea[name="summary"]').fill("Как учить с простыми телефонами там, где связь слабая.");
    await page.locator('select[name="status"]').selectOption("ready");
    await page.locator('input[name="modules.0.title"]').fill("Телефоны на уроке");
    await page.locator('select[name="modules.0.status"]').selectOption("ready");
    await page.locator('input[name="lessons.0.title"]').fill("Что умеет простой телефон");
    // The translator writes in the same rich-text editor as the author, the original beside it: no HTML to type.
    const body = page.locator(".translate-lesson .rte-content").first();
    await body.waitFor();
    await body.click();
    await page.keyboard.type("Сообщения, голос и радио доходят до каждого ученика.");
    expect(await page.locator(".translate-lesson .source-body").first().innerHTML()).toContain("<p>");
    await page.locator('select[name="lessons.0.status"]').selectOption("ready");
    // The second lesson stays a draft: Russian readers see its English title meanwhile.
    await page.locator('input[name="lessons.1.title"]').fill("Планирование недели уроков");
    await screenshot(page, "review-translate-ru");
    await press(page, "Сохранить перевод");
    expect(await page.getByRole("status").textContent()).toBe("Перевод сохранён.");

    await page.goto(`${orbis.url}/ru/courses?q=${encodeURIComponent("сельских")}`);
    expect(await page.locator(".course-card h2").allTextContents()).toEqual(["Мобильное обучение в сельских школах"]);
    await page.goto(`${orbis.url}/ru/courses/${slug}`);
    const lessons = await page.locator(".syllabus .lessons li").allTextContents();
    expect(lessons[0]).toContain("Что умеет простой телефон");
    expect(lessons[1]).toContain("Planning a week of lessons");

    // A demo course with a quiz: its questions are translated in a form of their own on the same page.
    await page.goto(`${orbis.url}/ru/manage/courses/digital-pedagogy-for-higher-education/translate/ru`);
    const quiz = page.locator("section.panel", { has: page.getByRole("button", { name: "Сохранить перевод теста" }) });
    expect(await quiz.locator('textarea[name="questions.0.prompt"]').count()).toBe(1);
    await screenshot(page, "review-translate-quiz-ru");
    await page.context().close();
  });

  it("shows the workflow page right to left in Arabic, and the demo adaptation with its notice", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", password, "ar");
    await page.goto(`${orbis.url}/ar/manage/courses/${slug}/review`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("المراجعة والإصدارات");
    expect(await page.locator("#history-title").textContent()).toBe("سجل المراجعات");
    await screenshot(page, "review-workflow-ar");

    // A new version started, then given up: the draft is deleted and the published course stays.
    await press(page, "بدء إصدار جديد");
    expect(page.url()).toMatch(/-v2(-[0-9a-f]+)?\/review$/);
    await page.locator("summary", { hasText: "التخلّي عن هذه المسودة" }).click();
    await screenshot(page, "review-discard-ar");
    await press(page, "حذف المسودة");
    expect(page.url()).toBe(`${orbis.url}/ar/manage/courses/${slug}/review`);
    expect(await page.getByRole("button", { name: "بدء إصدار جديد", exact: true }).count()).toBe(1);

    await page.goto(`${orbis.url}/ar/manage/courses/quality-assurance-of-online-courses-iioe-kyrgyzstan/review`);
    expect(await page.locator(".notices").textContent()).toContain("الإصدار 2");
    await screenshot(page, "review-adaptation-notice-ar");
    await page.goto(`${orbis.url}/ru/courses/quality-assurance-of-online-courses-iioe-kyrgyzstan`);
    expect(await page.locator(".adapted-from").textContent()).toContain("Quality assurance of online courses");
    await screenshot(page, "review-adapted-course-ru");
    await page.context().close();
  });

  it("lets the secretariat reorder the rubric, in Arabic", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", password, "ar");
    await page.goto(`${orbis.url}/ar/manage/rubric`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const titles = () => page.locator("tbody tr strong").allTextContents();
    const before = await titles();
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before[0]).toBe("نواتج تعلّم واضحة");
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator("tbody tr")
        .first()
        .getByRole("button", { name: /إلى الأسفل/ })
        .click(),
    ]);
    expect((await titles()).slice(0, 2)).toEqual([before[1], before[0]]);
    await screenshot(page, "review-rubric-ar");
    await page.context().close();
  });
});
