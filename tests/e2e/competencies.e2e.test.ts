import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

const orbis = useOrbisAndBrowser();

describe("the competency framework browser", () => {
  it("shows ICT CFT in Arabic on a phone: right to left, level names in Arabic, English texts with the fallback note, where each competency is taught", async () => {
    const page = await orbis.newPage(phone);
    await page.goto(`${orbis.url}/ar/competencies`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("أطر الكفاءات");
    await page.getByRole("link", { name: "UNESCO ICT Competency Framework for Teachers (version 3)" }).click();
    await page.waitForURL(`${orbis.url}/ar/competencies/unesco-ict-cft-v3`);
    expect(await page.locator(".language-note").first().textContent()).toContain("الإنجليزية");
    const levels = await page.locator(".competency-levels li").allTextContents();
    expect(levels.map((l) => l.trim())).toEqual(["KA اكتساب المعرفة", "KD تعميق المعرفة", "KC إنتاج المعرفة"]);
    expect(await page.locator(".competency-competency").count()).toBe(18);
    const literacy = page.locator(".competency-node", { hasText: "Digital Literacy" });
    expect(await literacy.getByRole("link", { name: "Цифровая грамотность преподавателя" }).count()).toBeGreaterThan(0);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "competencies-framework-ar-360");
    await page.context().close();
  });

  it("shows the crosswalk side by side in Chinese on a phone", async () => {
    const page = await orbis.newPage(phone);
    await page.goto(`${orbis.url}/zh/competencies/example-national-digital-competence`);
    expect(await page.getAttribute("html", "lang")).toBe("zh");
    await page.getByRole("link", { name: /与“UNESCO ICT Competency Framework for Teachers \(version 3\)”对照/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("框架对照");
    const first = page.locator("tbody tr").first();
    expect(await first.textContent()).toContain("完全对应");
    expect(await first.textContent()).toContain("Policy Understanding");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "competencies-crosswalk-zh-360");
    await page.context().close();
  });
});

describe("staff", () => {
  it("the secretariat imports a CASE package, sees problems by item, then the draft; a centre admin aligns a course to a competency", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword);
    await page.goto(`${orbis.url}/en/manage/competencies`);
    await page
      .getByLabel("Owner of the framework")
      .selectOption({ label: "United Nations Educational, Scientific and Cultural Organization (UNESCO)" });
    const bad = { CFDocument: { identifier: "doc-1", title: "Broken" }, CFItems: [{ identifier: "i1" }] };
    await page.getByLabel("CASE package (JSON)").fill(JSON.stringify(bad));
    await page.getByRole("button", { name: "Import" }).click();
    // Under load an action may take longer than expect.poll's second: wait as Playwright does.
    await page.locator(".form-error").waitFor();
    expect(await page.locator(".form-error").textContent()).toContain("CFItems[0] (i1): fullStatement is missing.");

    const response = await fetch(`${orbis.url}/api/v1/competency-frameworks/digcompedu/case?version=1.1`);
    await page
      .getByLabel("Owner of the framework")
      .selectOption({ label: "United Nations Educational, Scientific and Cultural Organization (UNESCO)" });
    await page.getByLabel("CASE package (JSON)").fill(await response.text());
    await page.getByLabel("Import as a copy with a new identifier").check();
    await page.getByRole("button", { name: "Import" }).click();
    await page.locator("p.notice, .form-error").first().waitFor();
    await screenshot(page, "competencies-import-result-en");
    expect(await page.locator("p.notice").textContent()).toContain("Imported as a draft with 28 items.");
    await page.getByRole("link", { name: "Open the draft" }).click();
    expect(await page.locator(".competency-competency").count()).toBe(22);
    await screenshot(page, "competencies-import-en");
    await page.context().close();

    const admin = await orbis.newPage();
    await signIn(admin, orbis.url, "kg.admin@orbis.example", demoPassword);
    await admin.goto(`${orbis.url}/en/manage/courses/digital-literacy-for-teachers-kg/competencies`);
    expect(await admin.locator(".course-list li").count()).toBe(2);
    await admin
      .getByLabel("Competency")
      .selectOption({ label: "UNESCO ICT Competency Framework for Teachers (version 3) · 6.2 Networking" });
    await admin
      .getByLabel("Level")
      .selectOption({ label: "UNESCO ICT Competency Framework for Teachers (version 3) · KD Knowledge Deepening" });
    await admin.getByRole("button", { name: "Align", exact: true }).click();
    await admin.locator(".course-list li").nth(2).waitFor();
    expect(await admin.locator(".course-list li").count()).toBe(3);
    await screenshot(admin, "competencies-align-en");
    await admin.goto(`${orbis.url}/en/competencies/unesco-ict-cft-v3`);
    const networking = admin.locator(".competency-competency", { hasText: "Networking" });
    expect(await networking.getByRole("link", { name: "Цифровая грамотность преподавателя" }).count()).toBe(1);
    await admin.context().close();
  });
});
