import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { simplePdf, twoColourPng } from "../../src/seed/files.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();
const author = { email: "author.kg@orbis.example", password: "orbis-demo-2026" };

/** Submits the form holding `button` and waits for the page it leads to. */
async function submit(page: Page, button: ReturnType<Page["locator"]>) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

/** A screenshot for the e2e folder and for the reviewer's folder, full page. */
async function shot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync("/tmp/shots/authoring", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/authoring/${name}.png`, fullPage: true });
}

/** Nothing sticks out sideways on a phone. */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Adds one lesson through the syllabus form. */
async function addLesson(page: Page, title: string, kind: string) {
  const syllabus = page.locator("#syllabus");
  await syllabus.locator('input[name="newLesson.title"]').fill(title);
  await syllabus.locator('select[name="newLesson.kind"]').selectOption(kind);
  await submit(page, syllabus.getByRole("button", { name: "Сохранить программу" }));
}

const lessonTitles = (page: Page) =>
  page
    .locator('#syllabus input[name^="lessons."][name$=".title"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

let courseUrl = "";
let lessonPath = "";
let videoPath = "";

describe("course authoring", () => {
  it("lets an author build a course in Russian: syllabus, rich text, captions and a PDF", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, author.email, author.password, "ru");
    await page.goto(`${orbis.url}/ru/manage`);
    await submit(page, page.getByRole("link", { name: "Разработка курсов" }));
    await submit(page, page.getByRole("link", { name: "Новый курс" }));
    expect(await page.locator("script[src]").count()).toBe(0);

    // The course's language is picked by name, and is the author's own to begin with.
    expect(await page.locator('select[name="defaultLocale"]').inputValue()).toBe("ru");
    expect(await page.locator('select[name="defaultLocale"] option[value="ky"]').textContent()).toBe("киргизский");
    await page.getByLabel("Название").fill("Онлайн-семинар для преподавателей");
    await page.getByLabel("Краткое описание").fill("Как провести первый семинар в сети.");
    await page.getByLabel("Примерная продолжительность, часов").fill("4");
    await submit(page, page.getByRole("button", { name: "Создать курс" }));
    // The Cyrillic title is transliterated into the address.
    expect(page.url()).toMatch(/\/ru\/manage\/courses\/onlayn-seminar-dlya-prepodavateley\?saved/);
    courseUrl = page.url().replace(/\?.*$/, "");
    await expect(page.locator(".notice").first().textContent()).resolves.toBe("Изменения сохранены.");

    await page
      .locator("#cover-file")
      .setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: twoColourPng(320, 180, [24, 120, 96], [240, 240, 240]) });
    await submit(page, page.getByRole("button", { name: "Загрузить обложку" }));
    expect(await page.locator(".notice").textContent()).toBe("Файл загружен.");
    const coverUrl = await page.locator("img.cover-preview").getAttribute("src");
    expect(coverUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}\/cover\.png$/);

    const syllabus = page.locator("#syllabus");
    await syllabus.locator('input[name="newModule.title"]').fill("Подготовка");
    await syllabus.locator('input[name="newLesson.title"]').fill("План семинара");
    await submit(page, syllabus.getByRole("button", { name: "Сохранить программу" }));
    expect(await page.locator('#syllabus input[name="modules.0.title"]').inputValue()).toBe("Подготовка");
    await addLesson(page, "Запись семинара", "video");
    await addLesson(page, "Памятка к семинару", "file");
    await addLesson(page, "Проверьте себя", "quiz");
    expect(await lessonTitles(page)).toEqual(["План семинара", "Запись семинара", "Памятка к семинару", "Проверьте себя"]);
    await submit(page, page.getByRole("link", { name: "Изменить урок План семинара" }));
    lessonPath = new URL(page.url()).pathname;
    // A text lesson has its text only: no video, captions or file sections.
    expect(await page.locator("#media").count()).toBe(0);

    // The lesson editor is the one page with script: the rich-text editor.
    const editor = page.locator(".rte-content");
    await editor.waitFor();
    await editor.click();
    // A toolbar button hands focus back to the text in a later tick: type only once it is there.
    const format = async (name: string) => {
      await page.getByRole("button", { name }).click();
      await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    };
    await page.keyboard.type("Перед семинаром ");
    await format("Полужирный");
    await page.keyboard.type("проверьте связь");
    await format("Полужирный");
    await page.keyboard.press("Enter");
    await format("Маркированный список");
    await page.keyboard.type("камера");
    await page.keyboard.press("Enter");
    await page.keyboard.type("микрофон");
    await submit(page, page.getByRole("button", { name: "Сохранить урок" }));
    const preview = page.locator(".lesson-preview .lesson-body");
    expect((await preview.locator("strong").textContent())?.trim()).toBe("проверьте связь");
    expect(await preview.locator("ul li").allTextContents()).toEqual(["камера", "микрофон"]);

    await page.goto(courseUrl);
    await submit(page, page.getByRole("link", { name: "Изменить урок Запись семинара" }));
    videoPath = new URL(page.url()).pathname;
    expect(await page.locator("#download-file").count()).toBe(0);
    expect(await page.locator("#captions-locale option[value=ru]").textContent()).toBe("русский");
    await page.locator("#captions-locale").selectOption("ru");
    await page.locator("#captions-file").setInputFiles({
      name: "ru.vtt",
      mimeType: "text/vtt",
      buffer: Buffer.from("WEBVTT\n\n00:00.000 --> 00:03.000\nДобрый день, коллеги!\n"),
    });
    await submit(page, page.getByRole("button", { name: "Загрузить субтитры" }));
    expect(await page.locator(".notice").textContent()).toBe("Файл загружен.");
    expect(await page.locator("#media").textContent()).toContain("ru.vtt");

    await page.goto(courseUrl);
    await submit(page, page.getByRole("link", { name: "Изменить урок Памятка к семинару" }));
    expect(await page.locator("#video-file").count()).toBe(0);
    expect(await page.locator("#captions-file").count()).toBe(0);
    const pdf = simplePdf(["Seminar checklist"]);
    await page.locator("#download-file").setInputFiles({ name: "Памятка.pdf", mimeType: "application/pdf", buffer: pdf });
    await submit(page, page.getByRole("button", { name: "Загрузить файл" }));
    const link = page.locator("#media .media-list a", { hasText: "Памятка.pdf" });
    const response = await page.request.get(new URL((await link.getAttribute("href"))!, orbis.url).href);
    expect([response.status(), response.headers()["content-type"]]).toEqual([200, "application/pdf"]);
    expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);

    // An HTML page disguised as a PDF is refused with a translated reason, and nothing is listed.
    await page
      .locator("#download-file")
      .setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await submit(page, page.getByRole("button", { name: "Загрузить файл" }));
    expect(await page.locator(".form-error").textContent()).toContain("Файлы такого типа здесь не принимаются");
    expect(await page.locator("#media .media-list a", { hasText: "report.pdf" }).count()).toBe(0);
    await screenshot(page, "authoring-lesson-ru");

    await page.goto(courseUrl.replace("/manage/courses/", "/courses/"));
    expect(await page.locator("h1").textContent()).toBe("Онлайн-семинар для преподавателей");
    expect(await page.locator("img.course-cover").getAttribute("src")).toBe(coverUrl);
  });

  it("neutralises script, handlers, javascript: links, frames and styles saved through the form", async () => {
    // Without JavaScript the editor is a textarea of HTML, so anything can be posted.
    const page = await orbis.newPage({ javaScriptEnabled: false });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, orbis.url, author.email, author.password, "ru");
    await page.goto(`${orbis.url}${lessonPath}`);
    await page
      .locator('textarea[name="body"]')
      .fill(
        '<p>Текст<script>alert("script")</script></p><img src=x onerror="alert(1)"><a href="javascript:alert(2)">ссылка</a>' +
          '<iframe src="https://example.org"></iframe><p style="position:fixed;inset:0" onclick="alert(3)">стиль</p><style>body{display:none}</style>',
      );
    await submit(page, page.getByRole("button", { name: "Сохранить урок" }));
    const html = await page.locator(".lesson-preview .lesson-body").innerHTML();
    expect(html).toBe('<p>Текст</p><a rel="noopener noreferrer nofollow">ссылка</a><p>стиль</p>');

    const apiLesson = await page.request.get(`${orbis.url}/api/v1/courses/${lessonPath.split("/")[4]}/lessons/${lessonPath.split("/")[6]}`);
    const bodyHtml = (await apiLesson.json()).bodyHtml as string;
    for (const bad of ["<script", "onerror", "javascript:", "<iframe", "style=", "<style", "onclick"]) expect(bodyHtml).not.toContain(bad);
    expect(dialogs).toEqual([]);

    // An upload without the form's CSRF token is refused before its file is read.
    const forged = await page.request.post(`${orbis.url}${lessonPath}/upload`, {
      multipart: { kind: "download", file: { name: "x.pdf", mimeType: "application/pdf", buffer: simplePdf(["x"]) } },
    });
    expect(forged.url()).toContain("error=csrf_failed");
  });

  it("shows the same editor right to left in Arabic", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, author.email, author.password, "ar");
    await page.goto(`${orbis.url}${videoPath.replace(/^\/ru\//, "/ar/")}`);
    await page.locator(".rte-content").waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("toolbar", { name: "التنسيق" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "رفع الترجمة المرئية" }).isVisible()).toBe(true);
    await screenshot(page, "authoring-lesson-ar");
    await page.goto(courseUrl.replace("/ru/", "/ar/"));
    await screenshot(page, "authoring-course-ar");

    // The demo courses have covers: the catalogue's cards show them, lazily, with their size set.
    await page.goto(`${orbis.url}/ar/courses`);
    const covers = page.locator("img.card-cover");
    expect(await covers.count()).toBeGreaterThan(0);
    expect(await covers.first().getAttribute("loading")).toBe("lazy");
    await screenshot(page, "catalogue-covers-ar");
  });

  it("reorders the syllabus with Move up and Move down on a 360 px phone, without script", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, author.email, author.password, "ru");
    await page.goto(courseUrl);
    expect(await page.locator('#syllabus input[name$=".position"]').count()).toBe(0);
    // The first lesson cannot go up, the last cannot go down: no dead buttons.
    expect(await page.getByRole("button", { name: "Выше План семинара" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ниже Проверьте себя" }).count()).toBe(0);
    await submit(page, page.getByRole("button", { name: "Выше Памятка к семинару" }));
    expect(new URL(page.url()).hash).toMatch(/^#lesson-/);
    expect(await page.getByRole("status").textContent()).toBe("Перемещено: Памятка к семинару.");
    expect(await lessonTitles(page)).toEqual(["План семинара", "Памятка к семинару", "Запись семинара", "Проверьте себя"]);
    await submit(page, page.getByRole("button", { name: "Ниже План семинара" }));
    expect(await lessonTitles(page)).toEqual(["Памятка к семинару", "План семинара", "Запись семинара", "Проверьте себя"]);
    // By keyboard: the button is reached with Tab and pressed with Enter like any other.
    const up = page.getByRole("button", { name: "Выше План семинара" });
    await up.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(await lessonTitles(page)).toEqual(["План семинара", "Памятка к семинару", "Запись семинара", "Проверьте себя"]);
    expect(await fitsWidth(page)).toBe(true);
    await page.locator("#syllabus").scrollIntoViewIfNeeded();
    await shot(page, "syllabus-move-ru-360");
  });

  it("adds quiz questions through one form per kind and moves them, in English at 360 px", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, author.email, author.password, "en");
    await page.goto(courseUrl.replace("/ru/", "/en/"));
    await submit(page, page.getByRole("link", { name: "Edit the lesson Проверьте себя" }));
    expect(await page.locator("#media").count()).toBe(0);
    await submit(page, page.getByRole("link", { name: "Edit the quiz" }));
    const summaries = await page.locator("#new-question summary").allTextContents();
    expect(summaries).toEqual([
      "Add a single-choice question",
      "Add a multiple-choice question",
      "Add a true-or-false question",
      "Add a short-answer question",
    ]);
    // Each form holds only its kind's fields.
    expect(await page.locator('#add-true_false input[name^="options."]').count()).toBe(0);
    expect(await page.locator("#add-true_false textarea[name=acceptedAnswers]").count()).toBe(0);
    expect(await page.locator("#add-single input[name=answerTrue]").count()).toBe(0);

    await page.locator("#add-true_false summary").click();
    const tf = page.locator("#add-true_false form");
    await tf.getByRole("textbox", { name: /^Question/ }).fill("A seminar needs a camera check.");
    await tf.getByLabel("True").check();
    await submit(page, tf.getByRole("button", { name: "Save question" }));
    await page.locator("#add-short_answer summary").click();
    const short = page.locator("#add-short_answer form");
    await short.getByRole("textbox", { name: /^Question/ }).fill("Which tool records the seminar?");
    await short.getByRole("textbox", { name: /^Accepted answers/ }).fill("OBS");
    await submit(page, short.getByRole("button", { name: "Save question" }));
    const prompts = () =>
      page.locator(".question-list > li textarea[name=prompt]").evaluateAll((x) => x.map((t) => (t as HTMLTextAreaElement).value));
    expect(await prompts()).toEqual(["A seminar needs a camera check.", "Which tool records the seminar?"]);
    await submit(page, page.getByRole("button", { name: "Move up Question 2" }));
    expect(await prompts()).toEqual(["Which tool records the seminar?", "A seminar needs a camera check."]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "quiz-editor-en-360");
  });

  it("offers languages by name in Arabic, right to left, at 360 px", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, author.email, author.password, "ar");
    await page.goto(`${orbis.url}/ar/manage/courses/new`);
    expect(await page.locator('select[name="defaultLocale"]').inputValue()).toBe("ar");
    expect(await page.locator('select[name="defaultLocale"] option[value="ru"]').textContent()).toBe("الروسية");
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "course-new-ar-360");
    await page.goto(courseUrl.replace("/ru/", "/ar/"));
    expect(await page.getByRole("button", { name: /^↑? ?نقل لأعلى/ }).count()).toBeGreaterThan(0);
    expect(await fitsWidth(page)).toBe(true);
    await page.locator("#syllabus").scrollIntoViewIfNeeded();
    await shot(page, "syllabus-ar-360");
  });

  it("shows a published course read-only, with Start a new version instead of Save", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, author.email, author.password, "ru");
    await page.goto(`${orbis.url}/ru/manage/courses/blended-learning-design-kg`);
    expect(await page.getByRole("button", { name: /^Сохранить/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Выше|^Ниже/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Начать новую версию" }).isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "published-read-only-ru-360");
    await submit(page, page.locator("#syllabus a").first());
    expect(await page.getByRole("button", { name: /^Сохранить|^Загрузить/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Начать новую версию" }).count()).toBe(1);
  });

  it("gives the translator the authors' editor, the original stacked above it on a phone, in Arabic", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, orbis.url, "translator.ru@orbis.example", author.password, "ar");
    await page.goto(`${orbis.url}/ar/manage/courses/digital-pedagogy-for-higher-education/translate/ru`);
    const editor = page.locator(".translate-lesson .rte-content").first();
    await editor.waitFor();
    // No textarea of HTML once the page runs its script: the same toolbar as the lesson editor.
    expect(await page.locator('.translate-lesson textarea[name$=".body"]').count()).toBe(0);
    expect(await page.getByRole("toolbar", { name: "التنسيق" }).first().isVisible()).toBe(true);
    const pair = page.locator(".translate-lesson .translate-pair", { has: page.locator(".source-body") }).first();
    const source = await pair.locator(".source").boundingBox();
    const target = await pair.locator(".target").boundingBox();
    expect(source!.y + source!.height).toBeLessThanOrEqual(target!.y);
    expect(await fitsWidth(page)).toBe(true);
    await pair.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/shots/authoring/translate-ar-360.png" });
  });
});
