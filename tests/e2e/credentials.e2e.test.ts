import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword } from "../../src/seed/people.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

/** Issue 13 journey on a 360 px phone without JavaScript: a completed course's credential, verified, revoked. */

const orbis = useOrbisAndBrowser();
const phone = () => orbis.newPage({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
const shots = "/tmp/shots/credentials";

async function look(page: Page, name: string) {
  await screenshot(page, name);
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

const outcome = (page: Page, check: string) => page.locator(`.verification-checks li[data-check=${check}]`).getAttribute("data-outcome");

describe("a course credential from completion to revocation", () => {
  it("in Arabic and Chinese: completed course → wallet → public → verified valid; the admin revokes → verified revoked", async () => {
    const learner = await phone();
    await signIn(learner, orbis.url, "learner@orbis.example", demoPassword, "ar");
    await learner.goto(`${orbis.url}/ar/courses/healthy-lifestyle-coaching-basics/complete`);
    const certificate = learner.locator(".certificate-placeholder a.button");
    expect(await certificate.count()).toBe(1);
    await look(learner, "course-complete-ar-360");

    await learner.goto(`${orbis.url}/ar/my/credentials`);
    const card = learner.locator("li.card").first();
    expect(await card.locator("h2").textContent()).toContain("Healthy lifestyle coaching basics");
    await look(learner, "wallet-ar-360");
    await card.locator("form button").click();
    const href = (await learner.locator("li.card h2 a").first().getAttribute("href")) ?? "";
    const id = href.split("/").pop() ?? "";

    await learner.goto(`${orbis.url}/zh/verify?id=${id}`);
    expect(await learner.locator("[role=status]").textContent()).toContain("此证书有效");
    for (const check of ["format", "schema", "issuer", "proof", "validity", "status"]) expect(await outcome(learner, check)).toBe("passed");
    await look(learner, "verify-valid-zh-360");

    const admin = await phone();
    await signIn(admin, orbis.url, "admin@orbis.example", demoPassword, "ar");
    await admin.goto(`${orbis.url}/ar/credentials/${id}`);
    await admin.selectOption("select[name=action]", "revoke");
    await admin.fill("input[name=reason]", "خطأ في الإصدار");
    await admin.locator("form.stack button[type=submit]").click();
    expect(await admin.locator(".notice").textContent()).toContain("تغيّرت حالة الشهادة");
    await look(admin, "credential-revoked-ar-360");

    await learner.goto(`${orbis.url}/ar/verify?id=${id}`);
    expect(await outcome(learner, "status")).toBe("failed");
    expect(await learner.locator(".verification-checks li[data-check=status]").textContent()).toContain("ألغت الجهة المُصدِرة هذه الشهادة");
    await look(learner, "verify-revoked-ar-360");
  });

  it("in English: pasted malformed JSON names the failed check", async () => {
    const page = await phone();
    await page.goto(`${orbis.url}/en/verify`);
    await page.fill("textarea[name=credential]", "{not json");
    await page.locator("form.stack button[type=submit]").click();
    expect(await outcome(page, "format")).toBe("failed");
    expect(await page.locator(".verification-checks li[data-check=format]").textContent()).toContain("This is not valid JSON.");
    await look(page, "verify-malformed-en-360");
  });
});
