import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const orbis = useOrbisAndBrowser();
const phone = () => orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

describe("errors and edges", () => {
  it("answers an unknown address with a translated 404 inside the site's header and footer, with a way home", async () => {
    for (const [locale, title, home] of [
      ["ar", "الصفحة غير موجودة", "الذهاب إلى الصفحة الرئيسية"],
      ["zh", "页面未找到", "返回首页"],
      ["en", "Page not found", "Go to the home page"],
    ] as const) {
      const page = await phone();
      const response = await page.goto(`${orbis.url}/${locale}/no-such-page`);
      expect(response!.status()).toBe(404);
      expect(await page.locator(".site-header").count()).toBe(1);
      expect(await page.locator(".site-footer nav a").count()).toBe(5);
      expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe(title);
      await page.getByRole("link", { name: home }).click();
      await page.waitForURL(`${orbis.url}/${locale}`);
      await screenshot(page, `error-404-${locale}-360`);
      await page.context().close();
    }
  });

  it("refuses a learner a staff page with a 403 in their language that still offers the way home", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    expect((await page.goto(`${orbis.url}/ar/manage/people`))!.status()).toBe(403);
    expect(await page.locator(".site-header").count()).toBe(1);
    expect(await page.getByRole("link", { name: "الذهاب إلى الصفحة الرئيسية" }).count()).toBe(1);
    await screenshot(page, "error-403-ar-360");
    await page.context().close();
  });

  it("takes an author from a course's review page back to their courses, not to a reviewers' page they may not open", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "author.kg@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage/courses/digital-literacy-for-teachers-kg/review`);
    await page.locator(".breadcrumb a").click();
    await page.waitForURL(`${orbis.url}/ru/manage/courses`);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    // The header's "Manage" leads somewhere for an author too.
    expect((await page.goto(`${orbis.url}/ru/manage`))!.status()).toBe(200);
    await page.context().close();
  });
});

describe("footer pages", () => {
  it("links privacy, terms, accessibility and contact from every page, in the reader's language", async () => {
    const page = await phone();
    await page.goto(`${orbis.url}/zh/courses`);
    await page.locator(".site-footer").getByRole("link", { name: "隐私" }).click();
    await page.waitForURL(`${orbis.url}/zh/pages/privacy`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("隐私");
    expect(await page.locator(".language-note").count()).toBe(0);
    for (const slug of ["terms", "accessibility", "contact"]) {
      expect((await page.goto(`${orbis.url}/ru/pages/${slug}`))!.status()).toBe(200);
    }
    expect((await page.goto(`${orbis.url}/en/pages/cookies`))!.status()).toBe(404);
    await page.context().close();
  });

  it("lets the secretariat rewrite a page in one language without script, and readers see it", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword, "fr");
    await page.goto(`${orbis.url}/fr/manage/pages`);
    await page.goto(`${orbis.url}/fr/manage/pages/accessibility/fr`);
    await page.getByLabel("Titre").fill("Accessibilité d’Orbis");
    await page.getByLabel("Texte").fill("Premier paragraphe.\n\nSecond paragraphe.");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/\/fr\/manage\/pages/);
    await page.goto(`${orbis.url}/fr/pages/accessibility`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Accessibilité d’Orbis");
    expect(await page.locator("main p").allTextContents()).toEqual(expect.arrayContaining(["Premier paragraphe.", "Second paragraphe."]));
    // An empty title is refused with the field named, and nothing changes.
    await page.goto(`${orbis.url}/fr/manage/pages/accessibility/fr`);
    await page.getByLabel("Titre").fill(" ");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    expect(await page.locator(".form-error").count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
