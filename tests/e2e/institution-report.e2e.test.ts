import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const admin = "institution.admin@orbis.example";
const institution = "demo-university-of-the-savannah-fictional";
const orbis = useOrbisAndBrowser();

/** The figure whose label is `label`, as the page shows it ("8 الأشخاص" → "8"). */
async function figure(page: import("playwright-core").Page, label: string) {
  const item = page.locator(".figures li").filter({ hasText: label });
  return (await item.locator(".value").textContent())?.trim();
}

describe("the institution report", () => {
  it("in Arabic: the institution's administrator finds it from their manage page, reads the figures and downloads the CSV", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, admin, demoPassword, "ar");
    await page.getByRole("navigation").getByRole("link", { name: "الإدارة", exact: true }).click();
    await page.waitForURL(`${orbis.url}/ar/manage`);
    await page.getByRole("link", { name: "تقرير الموظفين", exact: true }).click();
    await page.waitForURL(`${orbis.url}/ar/manage/organisations/${institution}/report`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("تقرير الموظفين");
    // The demo university nominated eight people; five take part, six attended the Ghana briefing.
    expect(await figure(page, "الأشخاص")).toBe("8");
    expect(await figure(page, "المرشَّحون")).toBe("8");
    expect(await figure(page, "في دفعة")).toBe("5");
    expect(await figure(page, "الحضور في الفعاليات")).toBe("6");
    expect(await page.getByRole("table", { name: "حسب البرنامج" }).count()).toBe(1);
    expect(await page.getByRole("row", { name: /Abena Owusu/ }).textContent()).toContain("مشارك");
    await screenshot(page, "institution-report-ar");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "تنزيل CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`institution-report-${institution}.csv`);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFالاسم,")).toBe(true);
    expect(lines).toHaveLength(9);
    expect(lines.some((line) => line.startsWith("Abena Owusu (demo),abena.owusu@savannah.example,Education,Lecturer,1,1,"))).toBe(true);
  });

  it("in Russian on a phone: filters by programme and period without JavaScript, and the report keeps to the screen", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signIn(page, orbis.url, admin, demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage/nominations`);
    await page.getByRole("link", { name: "Отчёт о сотрудниках", exact: true }).click();
    await page.waitForURL(`${orbis.url}/ru/manage/organisations/${institution}/report`);
    expect(await figure(page, "Человек")).toBe("8");

    await page.getByLabel("Программа", { exact: true }).selectOption({ label: "Blended teaching for university lecturers" });
    await page.getByLabel("С", { exact: true }).fill("2027-01-01");
    await page.getByRole("button", { name: "Фильтр" }).click();
    await page.waitForURL(/programme=blended-teaching-for-lecturers-gh/);
    // The programme's cohort starts in 2027; the briefing was not one of its live sessions.
    expect(await figure(page, "Учатся в группе")).toBe("5");
    expect(await figure(page, "Посещений мероприятий")).toBe("0");
    await screenshot(page, "institution-report-ru-phone");
    // Wide charts scroll inside their own box; the page, signed-in header included, keeps to the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Backwards dates are pointed out beside the field; the report stays.
    await page.getByLabel("По", { exact: true }).fill("2026-01-01");
    await page.getByRole("button", { name: "Фильтр" }).click();
    await page.waitForURL(/to=2026-01-01/);
    expect(await page.locator("#filter-to-error").textContent()).toBe("Дата окончания не может быть раньше даты начала.");
    expect(await page.getByLabel("По", { exact: true }).inputValue()).toBe("2026-01-01");
    expect(await figure(page, "Человек")).toBe("8");
  });

  it("the secretariat reaches any institution's report from the organisations list", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword, "zh");
    await page.goto(`${orbis.url}/zh/manage/organisations?kind=university`);
    const row = page.getByRole("row", { name: /University of the Savannah/ });
    await row.getByRole("link", { name: "员工报告" }).click();
    await page.waitForURL(`${orbis.url}/zh/manage/organisations/${institution}/report`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Savannah");
  });
});
