import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword } from "../../src/seed/people.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

/**
 * The whole journey through the real screens, one person after another: an author builds
 * a course with a quiz, a reviewer approves it, a translator adds Russian, and a learner searching
 * in Russian finds it, enrols, reads, passes the quiz and sees the course completed.
 */
const orbis = useOrbisAndBrowser();

/** Submits the form holding the control and waits for the page it leads to. */
async function submit(page: Page, control: Locator) {
  await Promise.all([page.waitForNavigation(), control.click()]);
}

const title = "Assessment for learning with basic phones";
let slug = "";

describe("a course from first draft to a completed learner", () => {
  it("the author builds it with a text lesson and a quiz, and sends it for review", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "author.kg@orbis.example", demoPassword, "en");
    await page.goto(`${orbis.url}/en/manage/courses/new`);
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary").fill("Quick checks of understanding by text message and voice.");
    await page.getByLabel("Estimated hours").fill("3");
    await page.getByLabel("Language of the course").selectOption("en");
    await submit(page, page.getByRole("button", { name: "Create the course" }));
    slug = new URL(page.url()).pathname.split("/").pop()!;

    const syllabus = page.locator("#syllabus");
    await syllabus.locator('input[name="newModule.title"]').fill("Checking understanding");
    await syllabus.locator('input[name="newLesson.title"]').fill("Exit tickets by SMS");
    await submit(page, syllabus.getByRole("button", { name: "Save the syllabus" }));
    await syllabus.locator('input[name="newLesson.title"]').fill("Check yourself");
    await syllabus.locator('select[name="newLesson.kind"]').selectOption("quiz");
    await submit(page, syllabus.getByRole("button", { name: "Save the syllabus" }));

    await submit(page, page.getByRole("link", { name: "Edit the lesson Exit tickets by SMS" }));
    const editor = page.locator(".rte-content");
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type("At the end of a lesson, every learner texts one thing they learned.");
    await submit(page, page.getByRole("button", { name: "Save the lesson" }));

    await page.goto(`${orbis.url}/en/courses/${slug}`);
    await submit(page, page.getByRole("link", { name: "Edit quiz: Check yourself" }));
    await page.locator("#add-single summary").click();
    const add = page.locator("#add-single form");
    await add.getByRole("textbox", { name: /^Question/ }).fill("When is an exit ticket sent?");
    await add.getByLabel("Option 1").fill("At the end of the lesson");
    await add.getByLabel("Option 2").fill("Before the course starts");
    await add.getByRole("checkbox").nth(0).check();
    await submit(page, add.getByRole("button", { name: "Save question" }));
    expect(await page.locator(".question-list > li").count()).toBe(1);

    await page.goto(`${orbis.url}/en/manage/courses/${slug}/review`);
    await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "Russian" });
    await submit(page, page.getByRole("button", { name: "Ask for a translation", exact: true }));
    await submit(page, page.getByRole("button", { name: "Submit for review", exact: true }));
    expect(await page.locator(".facts").textContent()).toContain("In review");
    await page.context().close();
  });

  it("the reviewer scores it against the rubric and approves it", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "reviewer@orbis.example", demoPassword, "en");
    await page.goto(`${orbis.url}/en/manage/reviews`);
    await submit(page, page.getByRole("link", { name: title }));
    for (const select of await page.locator('select[name$=".score"]').all()) {
      const values = await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      await select.selectOption(values.at(-1)!);
    }
    await submit(page, page.getByRole("button", { name: "Approve and publish", exact: true }));
    expect(await page.locator(".facts").textContent()).toContain("Published");
    await page.context().close();
  });

  it("the translator adds Russian, quiz included", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "translator.ru@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage/courses/${slug}/translate/ru`);
    await page.locator('input[name="title"]').fill("Оценивание для обучения с простыми телефонами");
    await page.locator('textarea[name="summary"]').fill("Быстрая проверка понимания через SMS и голос.");
    await page.locator('select[name="status"]').selectOption("ready");
    await page.locator('input[name="modules.0.title"]').fill("Проверка понимания");
    await page.locator('select[name="modules.0.status"]').selectOption("ready");
    await page.locator('input[name="lessons.0.title"]').fill("Выходные билеты по SMS");
    // The lesson text is written in the authors' rich-text editor, beside the original.
    const body = page.locator(".translate-lesson .rte-content").first();
    await body.waitFor();
    await body.click();
    await page.keyboard.type("В конце урока каждый присылает одну вещь, которую узнал.");
    await page.locator('select[name="lessons.0.status"]').selectOption("ready");
    await page.locator('input[name="lessons.1.title"]').fill("Проверьте себя");
    await page.locator('select[name="lessons.1.status"]').selectOption("ready");
    await submit(page, page.getByRole("button", { name: "Сохранить перевод", exact: true }));

    const quiz = page.locator("section.panel", { has: page.getByRole("button", { name: "Сохранить перевод теста" }) });
    await quiz.locator('textarea[name="questions.0.prompt"]').fill("Когда отправляют выходной билет?");
    await quiz.locator('input[name="questions.0.options.0.text"]').fill("В конце урока");
    await quiz.locator('select[name="questions.0.options.0.status"]').selectOption("ready");
    await quiz.locator('input[name="questions.0.options.1.text"]').fill("До начала курса");
    await quiz.locator('select[name="questions.0.options.1.status"]').selectOption("ready");
    await quiz.locator('select[name="questions.0.status"]').selectOption("ready");
    await submit(page, quiz.getByRole("button", { name: "Сохранить перевод теста" }));
    await page.context().close();
  });

  it("a learner searching in Russian finds it, enrols, reads, passes the quiz and sees it completed", async () => {
    const page = await orbis.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/courses?q=${encodeURIComponent("телефонами")}`);
    await submit(page, page.getByRole("link", { name: "Оценивание для обучения с простыми телефонами" }));
    await submit(page, page.getByRole("button", { name: "Записаться на курс" }));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Выходные билеты по SMS");
    expect(await page.locator(".lesson-body").textContent()).toContain("каждый присылает одну вещь");
    await submit(page, page.getByRole("button", { name: "Отметить как пройденный" }));
    await submit(page, page.locator("a[rel=next]"));

    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Проверьте себя");
    const form = page.locator("form.quiz-form");
    await form.getByLabel("В конце урока").check();
    await submit(page, form.getByRole("button", { name: "Отправить ответы" }));
    expect(await page.locator("#result").textContent()).toContain("Тест пройден.");
    expect(await page.locator(".notice").first().textContent()).toContain("Вы завершили этот курс. Поздравляем!");

    await page.goto(`${orbis.url}/ru/learning`);
    const completed = page.locator("section", { has: page.getByRole("heading", { name: "Завершённые" }) });
    expect(await completed.textContent()).toContain("Оценивание для обучения с простыми телефонами");
    await screenshot(page, "lifecycle-completed-ru");
    await page.context().close();
  });
});
