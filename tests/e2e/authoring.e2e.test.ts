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

let courseUrl = "";
let lessonPath = "";

describe("course authoring", () => {
  it("lets an author build a course in Russian: syllabus, rich text, captions and a PDF", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, author.email, author.password, "ru");
    await page.goto(`${orbis.url}/ru/manage`);
    await submit(page, page.getByRole("link", { name: "Разработка курсов" }));
    await submit(page, page.getByRole("link", { name: "Новый курс" }));
    expect(await page.locator("script[src]").count()).toBe(0);

    await page.getByLabel("Название").fill("Онлайн-семинар для преподавателей");
    await page.getByLabel("Краткое описание").fill("Как провести первый семинар в сети.");
    await page.getByLabel("Примерная продолжительность, часов").fill("4");
    await submit(page, page.getByRole("button", { name: "Создать курс" }));
    expect(page.url()).toMatch(/\/ru\/manage\/courses\/course-[0-9a-f]{8}\?saved/);
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
    await submit(page, page.getByRole("link", { name: "Изменить урок План семинара" }));
    lessonPath = new URL(page.url()).pathname;

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

    await page.locator("#captions-locale").fill("ru");
    await page.locator("#captions-file").setInputFiles({
      name: "ru.vtt",
      mimeType: "text/vtt",
      buffer: Buffer.from("WEBVTT\n\n00:00.000 --> 00:03.000\nДобрый день, коллеги!\n"),
    });
    await submit(page, page.getByRole("button", { name: "Загрузить субтитры" }));
    expect(await page.locator(".notice").textContent()).toBe("Файл загружен.");
    expect(await page.locator("#media").textContent()).toContain("ru.vtt");

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
    await page.goto(`${orbis.url}${lessonPath.replace(/^\/ru\//, "/ar/")}`);
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
});
