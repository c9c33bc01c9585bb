/**
 * An institution confirms the registrations made in its name (issue 10, item 14), on a 360 px
 * phone without JavaScript, in English, Arabic and Chinese; and single-line fields of page forms
 * refuse line breaks and invisible characters with a translated message.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const admin = "institution.admin@orbis.example";
const institution = "demo-university-of-the-savannah-fictional";
const orbis = useOrbisAndBrowser();
const shots = "/tmp/shots/hardening";

async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  await screenshot(page, name);
}

const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("registrations in the institution's name", () => {
  it("in English on a phone without script: from the report to the list, confirm one, decline one", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, admin, demoPassword, "en");
    await page.goto(`${orbis.url}/en/manage/organisations/${institution}/report`);
    await page.getByRole("link", { name: "3 registrations to confirm" }).click();
    await page.waitForURL(`${orbis.url}/en/manage/organisations/${institution}/affiliations`);
    const items = page.locator("main li.panel");
    expect(await items.count()).toBe(3);
    expect(await fitsTheScreen(page)).toBe(true);
    // The main action is on the first screen.
    const confirm = page.getByRole("button", { name: /^Confirm/ }).first();
    expect((await confirm.boundingBox())!.y).toBeLessThan(740);
    await shot(page, "affiliations-en-360");

    await confirm.click();
    await page.waitForURL(/decided=confirmed/);
    expect(await page.getByRole("status").textContent()).toContain("Confirmed");
    expect(await items.count()).toBe(2);
    await page
      .getByRole("button", { name: /^Decline/ })
      .first()
      .click();
    await page.waitForURL(/decided=declined/);
    expect(await items.count()).toBe(1);
    await page.goto(`${orbis.url}/en/manage/organisations/${institution}/report`);
    expect(await page.getByRole("link", { name: "1 registration to confirm" }).count()).toBe(1);
  });

  it("in Arabic and Chinese at 360 px: right to left, translated, no sideways scroll", async () => {
    for (const [locale, heading, button] of [
      ["ar", "تسجيلات بانتظار تأكيد", "تأكيد"],
      ["zh", "确认的报名", "确认"],
    ] as const) {
      const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
      await signIn(page, orbis.url, admin, demoPassword, locale);
      await page.goto(`${orbis.url}/${locale}/manage/organisations/${institution}/affiliations`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(heading);
      expect(await page.locator("html").getAttribute("dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      expect(await page.getByRole("button", { name: new RegExp(`^${button}`) }).count()).toBeGreaterThan(0);
      expect(await fitsTheScreen(page)).toBe(true);
      await shot(page, `affiliations-${locale}-360`);
    }
  });

  it("another institution's administrator, or a learner, is refused the page", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "en");
    const response = await page.goto(`${orbis.url}/en/manage/organisations/${institution}/affiliations`);
    expect(response?.status()).toBe(403);
  });
});

describe("single-line fields of page forms", () => {
  it("sign-up refuses a name with a line break or a direction override, in the reader's language, and makes no account", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    for (const [locale, name, message] of [
      ["en", "Mallory\u202Egnp.exe", "invisible direction"],
      ["ru", "Mallory\u200BSmith", "невидимые символы"],
    ] as const) {
      const email = `text-${locale}-${Date.now()}@orbis.test`;
      await page.goto(`${orbis.url}/${locale}/sign-up`);
      await page.locator('input[name="name"]').fill(name);
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill("a long enough password");
      await page.locator('main button[type="submit"]').click();
      await page.waitForLoadState();
      expect(await page.locator("main").textContent()).toContain(message);
      const tokens = await fetch(`${orbis.url}/api/v1/auth/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "a long enough password", name: "check" }),
      });
      expect(tokens.status).toBe(401);
    }
  });
});
