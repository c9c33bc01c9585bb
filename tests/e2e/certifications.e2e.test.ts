import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const coach = "healthy-lifestyle-coach-certification-example";
const shots = process.env.ORBIS_SHOTS_DIR ?? "/tmp/shots/certifications";

const orbis = useOrbisAndBrowser();

/** The repository's copy for the suite, and one where the brief asks reviewers to look. */
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("a certification from practicum to revocation, on a phone", () => {
  it("the learner sends their practicum in Arabic, an assessor approves it in Chinese, the award shows, and a revocation shows too", async () => {
    const learner = await orbis.newPage(phone);
    await signIn(learner, orbis.url, "learner@orbis.example", demoPassword, "ar");
    await learner.goto(`${orbis.url}/ar/certifications`);
    expect(await learner.getAttribute("html", "dir")).toBe("rtl");
    await expect.poll(() => learner.getByRole("heading", { level: 1 }).textContent()).toBe("الشهادات");
    expect(await fitsPhone(learner)).toBeLessThanOrEqual(360);
    await shoot(learner, "certifications-list-ar-360");
    await learner.getByRole("link", { name: "شهادة مدرّب نمط الحياة الصحي (مثال)" }).click();
    await learner.waitForURL(`${orbis.url}/ar/certifications/${coach}`);
    const items = learner.locator("li.condition");
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).getAttribute("data-met")).toBe("yes");
    expect(await items.nth(1).getAttribute("data-met")).toBe("no");
    expect(await items.nth(1).textContent()).toContain("بانتظار مُقيِّم");
    // A new report replaces the one waiting.
    await learner.getByLabel("الملف").setInputFiles({
      name: "practicum-ar.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    });
    await learner.getByRole("button", { name: "إرسال ملف آخر" }).click();
    await learner.locator(".notice", { hasText: "أُرسل دليلك" }).waitFor();
    expect(await items.nth(1).textContent()).toContain("practicum-ar.pdf");
    expect(await fitsPhone(learner)).toBeLessThanOrEqual(360);
    await shoot(learner, "certification-progress-ar-360");

    const assessor = await orbis.newPage(phone);
    await signIn(assessor, orbis.url, "secretariat@orbis.example", demoPassword, "zh");
    await assessor.goto(`${orbis.url}/zh/manage/assessments`);
    await expect.poll(() => assessor.getByRole("heading", { level: 1 }).textContent()).toBe("待评审证据");
    await assessor.getByRole("link", { name: /评审\s+Lena Learner \(demo\)/ }).click();
    await assessor.getByLabel("课程计划").selectOption("3");
    await assessor.getByLabel("教练对话").selectOption("3");
    await assessor.getByLabel("反思").selectOption("1");
    await assessor.getByRole("button", { name: "批准", exact: true }).click();
    // Below the pass mark: refused, with the sum and what is needed.
    await assessor.locator(".form-error").waitFor();
    expect(await assessor.locator(".form-error").textContent()).toContain("总分为 7，批准至少需要 8");
    await assessor.getByLabel("反思").selectOption("3");
    await assessor.getByLabel("给学员的评语").fill("做得很好。");
    await assessor.getByRole("button", { name: "批准", exact: true }).click();
    await assessor.locator(".notice", { hasText: "已记录决定：批准" }).waitFor();
    expect(await fitsPhone(assessor)).toBeLessThanOrEqual(360);
    await shoot(assessor, "certification-assessment-zh-360");

    await learner.goto(`${orbis.url}/ar/certifications/${coach}`);
    await learner.getByTestId("award-status").waitFor();
    expect(await learner.getByTestId("award-status").textContent()).toContain("أنت تحمل هذه الشهادة حتى");
    await shoot(learner, "certification-awarded-ar-360");

    const manager = await orbis.newPage(phone);
    await signIn(manager, orbis.url, "secretariat@orbis.example", demoPassword);
    await manager.goto(`${orbis.url}/en/manage/certifications/${coach}`);
    const row = manager.locator("tr", { hasText: "Lena Learner (demo)" });
    await row.getByLabel(/Reason/).fill("Practicum report reused from another learner");
    await row.getByRole("button", { name: "Revoke" }).click();
    await manager.locator(".notice", { hasText: "The award is now revoked." }).waitFor();
    expect(await fitsPhone(manager)).toBeLessThanOrEqual(360);
    await shoot(manager, "certification-awards-en-360");

    await learner.goto(`${orbis.url}/en/certifications/${coach}`);
    expect(await learner.locator(".form-error").first().textContent()).toBe(
      "Your certification was revoked: Practicum report reused from another learner",
    );
    await shoot(learner, "certification-revoked-en-360");
    for (const page of [learner, assessor, manager]) await page.context().close();
  });

  it("the micro-certificate's progress in Chinese names ICT CFT competencies and where to learn them", async () => {
    const page = await orbis.newPage(phone);
    await signIn(page, orbis.url, "learner.ar@orbis.example", demoPassword, "zh");
    await page.goto(`${orbis.url}/zh/certifications/digital-teaching-micro-certificate`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("数字化教学微证书");
    expect(await page.locator(".condition-group strong").first().textContent()).toBe("以下全部");
    expect(await page.locator(".condition-group strong").nth(1).textContent()).toBe("以下至少 1 项");
    expect(await page.locator("li.condition", { hasText: "展示能力" }).count()).toBe(3);
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    await shoot(page, "certification-progress-zh-360");
    await page.context().close();
  });
});
