import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword } from "../../src/seed/people.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();

/** A phone-sized page without JavaScript: every step must work as plain HTML forms and links. */
const phone = () => orbis.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

async function markDoneAndGoNext(page: Page) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Отметить как пройденный" }).click()]);
  expect(await page.locator(".done-notice").textContent()).toContain("Вы прошли этот урок.");
  await Promise.all([page.waitForURL(/\/learn\//), page.locator("a[rel=next]").click()]);
}

describe("learning", () => {
  it("a learner finds a course in Russian, enrols, reads, fails then passes the quiz and completes the course", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/courses?q=${encodeURIComponent("смешанного обучения")}`);
    await page.getByRole("link", { name: "Основы смешанного обучения" }).click();
    await page.waitForURL(`${orbis.url}/ru/courses/blended-learning-design-kg`);
    await screenshot(page, "learning-course-ru");

    await Promise.all([page.waitForURL(/\/learn\//), page.getByRole("button", { name: "Записаться на курс" }).click()]);
    expect(await heading(page)).toBe("Что такое смешанное обучение");
    expect(await page.locator(".lesson-body").textContent()).toContain("Смешанное обучение сочетает занятия в аудитории");
    expect(await page.locator(".learn-syllabus").textContent()).toContain("Пройдено уроков: 0 из 4");
    await markDoneAndGoNext(page);
    expect(await heading(page)).toBe("Перевёрнутый класс");
    await markDoneAndGoNext(page);
    await markDoneAndGoNext(page);
    expect(await heading(page)).toBe("Итоговый тест");
    expect(await page.locator(".learn-syllabus .done").count()).toBe(3);

    const quiz = page.locator("form.quiz-form");
    await quiz.getByLabel("Преподаватель читает новую лекцию").check();
    await quiz.getByLabel("Верно", { exact: true }).check();
    await Promise.all([page.waitForLoadState("load"), quiz.getByRole("button", { name: "Отправить ответы" }).click()]);
    const result = page.locator("#result");
    expect(await result.textContent()).toContain("Тест не пройден");
    expect(await result.textContent()).toContain("Новый материал студенты изучают дома");
    expect(await page.locator(".quiz").textContent()).toContain("Осталось 2 попытки");
    await screenshot(page, "learning-quiz-failed-ru");

    await quiz.getByLabel("Обсуждение, решение задач и проекты").check();
    await quiz.getByLabel("Занятия в аудитории").check();
    await quiz.getByLabel("Самостоятельную работу онлайн").check();
    await quiz.getByLabel("Неверно", { exact: true }).check();
    await quiz.getByLabel("Ваш ответ").fill("  Перевёрнутый КЛАСС ");
    await Promise.all([page.waitForLoadState("load"), quiz.getByRole("button", { name: "Попробовать ещё раз" }).click()]);
    expect(await result.textContent()).toContain("Тест пройден.");
    expect(await result.textContent()).toContain("Результат: 4 из 4");
    expect(await page.locator(".notice").first().textContent()).toContain("Вы завершили этот курс. Поздравляем!");
    // Passed: the main action is the course's end; another attempt is folded away.
    expect(await page.locator(".quiz .onward .button").textContent()).toBe("Курс завершён");
    expect(await page.locator(".quiz details.retry").getAttribute("open")).toBeNull();
    await screenshot(page, "learning-quiz-passed-ru");
    await Promise.all([page.waitForURL(/\/complete$/), page.locator(".quiz .onward .button").click()]);
    expect(await heading(page)).toContain("Курс завершён");
    // The course credential is issued on completion: the page links to it.
    expect(await page.locator(".certificate-placeholder").getByRole("link", { name: "Открыть сертификат" }).getAttribute("href")).toMatch(
      /^\/ru\/credentials\/[0-9a-f-]{36}$/,
    );
    await screenshot(page, "learning-complete-ru");

    // The page's own link to My learning (the header has one too).
    await page.locator("main").getByRole("link", { name: "Моё обучение" }).click();
    await page.waitForURL(`${orbis.url}/ru/learning`);
    const completed = page.locator("section", { has: page.getByRole("heading", { name: "Завершённые" }) });
    expect(await completed.textContent()).toContain("Основы смешанного обучения");
    await screenshot(page, "learning-my-ru");
    await page.context().close();
  });

  it("shows the player and the quiz right to left in Arabic", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    await page.locator(".site-menu summary").click();
    await page.getByRole("link", { name: "تعلّمي" }).click();
    await page.waitForURL(`${orbis.url}/ar/learning`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await screenshot(page, "learning-my-ar");
    await page.getByRole("link", { name: /^تابع/ }).click();
    await page.waitForURL(/\/ar\/courses\/ai-in-teaching-eg\/learn\//);
    await screenshot(page, "learning-player-ar");

    await page.locator(".learn-syllabus").getByRole("link", { name: "اختبار الوحدة" }).click();
    expect(await heading(page)).toBe("اختبار الوحدة");
    const quiz = page.locator("form.quiz-form");
    await quiz.getByLabel("صواب", { exact: true }).check();
    await quiz.getByLabel("التنبؤ بالكلمة التالية").check();
    await Promise.all([page.waitForLoadState("load"), quiz.getByRole("button", { name: "أرسل الإجابات" }).click()]);
    expect(await page.locator("#result").textContent()).toContain("ناجح.");
    // Right to left: the result's coloured edge is on the right.
    const box = await page.locator("#result").boundingBox();
    expect(box).not.toBeNull();
    expect(await page.locator("#result").evaluate((el) => getComputedStyle(el).borderRightWidth)).toBe("6px");
    await screenshot(page, "learning-quiz-ar");
    await page.context().close();
  });

  it("lets an author write a draft's quiz one question at a time, without JavaScript, in Russian", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "author.kg@orbis.example", demoPassword, "ru");
    // A draft to edit, made through the API with the same session.
    const centre = await (await page.request.get(`${orbis.url}/api/v1/centres/iioe-kyrgyzstan`)).json();
    const created = await page.request.post(`${orbis.url}/api/v1/courses`, {
      data: {
        ownerId: centre.id,
        category: "tvet",
        level: "introductory",
        estimatedHours: 2,
        licence: "CC-BY-4.0",
        defaultLocale: "ru",
        title: "Черновик с тестом",
        summary: "Для проверки редактора.",
        syllabus: [{ title: "Модуль", lessons: [{ kind: "quiz", title: "Проверочный тест" }] }],
      },
    });
    expect(created.status()).toBe(201);
    const course = await created.json();
    await page.goto(`${orbis.url}/ru/courses/${course.slug}`);
    await page.getByRole("link", { name: "Редактировать тест: Проверочный тест" }).click();
    expect(await heading(page)).toContain("Проверочный тест");

    // One form per kind of question, each folded until chosen.
    await page.locator("#add-single summary").click();
    const add = page.locator("#add-single form");
    await add.getByRole("textbox", { name: /^Вопрос/ }).fill("Сколько будет 2 + 2?");
    await add.getByLabel("Вариант 1").fill("4");
    await add.getByLabel("Вариант 2").fill("5");
    await add.getByRole("checkbox").nth(0).check();
    await add.getByRole("checkbox").nth(1).check();
    await Promise.all([page.waitForLoadState("load"), add.getByRole("button", { name: "Сохранить вопрос" }).click()]);
    expect(await page.locator("#new-question .form-error").textContent()).toContain("Отметьте ровно один верный вариант.");
    // What was typed comes back.
    expect(
      await page
        .locator("#add-single")
        .getByRole("textbox", { name: /^Вопрос/ })
        .inputValue(),
    ).toBe("Сколько будет 2 + 2?");

    await page.locator("#add-single form").getByRole("checkbox").nth(1).uncheck();
    await Promise.all([
      page.waitForLoadState("load"),
      page.locator("#add-single form").getByRole("button", { name: "Сохранить вопрос" }).click(),
    ]);
    expect(await page.locator(".question-list > li").count()).toBe(1);
    expect(
      await page
        .locator(".question-list")
        .getByRole("textbox", { name: /^Вопрос/ })
        .inputValue(),
    ).toBe("Сколько будет 2 + 2?");
    await screenshot(page, "learning-quiz-editor-ru");
    await page.context().close();
  });

  it("lets centre staff enrol a learner by email, with a translated message for an unknown address", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/courses/blended-learning-design-kg`);
    await page.getByRole("link", { name: "Записать слушателя по электронной почте" }).click();
    const email = page.getByRole("textbox", { name: /^Адрес электронной почты/ });
    await email.fill("nobody@orbis.example");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Записать" }).click()]);
    expect(await page.locator(".form-error").textContent()).toContain("Нет учётной записи с таким адресом электронной почты.");
    await email.fill("learner.ar@orbis.example");
    await Promise.all([page.waitForURL(/enrolled=/), page.getByRole("button", { name: "Записать" }).click()]);
    expect(await page.getByRole("status").textContent()).toBe("learner.ar@orbis.example записан(а) на курс.");
    await page.context().close();
  });
});
