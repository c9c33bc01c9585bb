import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword } from "../../src/seed/people.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

/** Issue 11, point 8: password change and data export, on a 360 px phone without JavaScript, in Arabic, Russian and English. */

const orbis = useOrbisAndBrowser();
const phone = () => orbis.newPage({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });

async function look(page: Page, name: string) {
  await screenshot(page, name);
  fs.mkdirSync("/tmp/shots/learner", { recursive: true });
  await page.screenshot({ path: `/tmp/shots/learner/${name}.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe("the account", () => {
  it("in Arabic: a wrong current password is refused; the change signs out the other device only", async () => {
    const other = await phone();
    await signIn(other, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    const page = await phone();
    await signIn(page, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    await page.goto(`${orbis.url}/ar/account`);
    await Promise.all([page.waitForURL(/\/account\/password$/), page.getByRole("link", { name: "تغيير كلمة المرور" }).click()]);
    await page.getByLabel("كلمة المرور الحالية").fill("not the password");
    await page.locator('input[name="newPassword"]').fill("a brand new passphrase");
    await page.getByLabel("كلمة المرور الجديدة مرة أخرى").fill("a brand new passphrase");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "غيّر كلمة المرور" }).click()]);
    expect(await page.locator(".form-error").textContent()).toContain("هذه ليست كلمة مرورك الحالية.");
    await look(page, "password-refused-ar-360");

    await page.getByLabel("كلمة المرور الحالية").fill(demoPassword);
    await page.locator('input[name="newPassword"]').fill("a brand new passphrase");
    await page.getByLabel("كلمة المرور الجديدة مرة أخرى").fill("a brand new passphrase");
    await Promise.all([page.waitForURL(/changed=1$/), page.getByRole("button", { name: "غيّر كلمة المرور" }).click()]);
    expect(await page.locator(".notice").textContent()).toContain("تم تغيير كلمة المرور.");
    await look(page, "password-changed-ar-360");

    // The other device is signed out; this one is not.
    await other.goto(`${orbis.url}/ar/account`);
    expect(new URL(other.url()).pathname).toBe("/ar/sign-in");
    await page.goto(`${orbis.url}/ar/account`);
    expect(new URL(page.url()).pathname).toBe("/ar/account");
    await other.context().close();
    await page.context().close();
  });

  it("in Russian and English: the password page, and one's data as a JSON download", async () => {
    const page = await phone();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/account/password`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Смена пароля");
    await look(page, "password-ru-360");

    await page.goto(`${orbis.url}/en/account`);
    await look(page, "account-en-360");
    const link = page.getByRole("link", { name: "Download your data (JSON)" });
    const response = await page.request.get(new URL((await link.getAttribute("href"))!, orbis.url).toString());
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["content-disposition"]).toContain("orbis-my-data.json");
    const mine = await response.json();
    expect(mine.profile.email).toBe("learner@orbis.example");
    expect(mine.learning.completed.map((i: { course: { slug: string } }) => i.course.slug)).toContain("healthy-lifestyle-coaching-basics");
    expect(JSON.stringify(mine)).not.toContain("passwordHash");
    // Signed out, there is nothing to download.
    const anonymous = await orbis.newPage();
    const refused = await anonymous.request.get(`${orbis.url}/en/account/export`, { maxRedirects: 0 });
    expect(refused.status()).toBe(302);
    await anonymous.context().close();
    await page.context().close();
  });
});
