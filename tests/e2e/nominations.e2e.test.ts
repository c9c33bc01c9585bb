import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const orbis = useOrbisAndBrowser();

const staff = Array.from({ length: 20 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return { name: `Staff Member ${n} (e2e)`, email: `staff${n}@savannah-e2e.example`, department: i % 2 ? "Education" : "Science" };
});

function csvFile(name: string, rows: string[][]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "orbis-nominations-")), name);
  // Written as Excel writes "CSV UTF-8": with a byte-order mark and CRLF line ends.
  fs.writeFileSync(file, `\uFEFF${["Name,Email,Department,Role", ...rows.map((r) => r.join(","))].join("\r\n")}\r\n`);
  return file;
}

async function ghanaCohortId(): Promise<string> {
  const programme = await (await fetch(`${orbis.url}/api/v1/programmes/blended-teaching-for-lecturers-gh`)).json();
  return programme.cohorts.find((c: { enrolmentMode: string }) => c.enrolmentMode === "nomination").id;
}

describe("bulk nominations", () => {
  it("takes an institution's list through preview, correction, confirmation, approval and the report", async () => {
    const cohortId = await ghanaCohortId();
    const admin = await orbis.newPage();
    await signIn(admin, orbis.url, "institution.admin@orbis.example", demoPassword, "en");
    await admin.getByRole("link", { name: "Nominations", exact: true }).click();
    await admin.waitForURL(`${orbis.url}/en/manage/nominations`);
    await admin
      .getByRole("row", { name: /February 2027/ })
      .getByRole("link", { name: "Nominate staff" })
      .click();
    await admin.waitForURL(`${orbis.url}/en/manage/cohorts/${cohortId}/nominate`);

    // The first file has a broken address and a person listed twice.
    const rows = staff.map((s) => [s.name, s.email, s.department, "Lecturer"]);
    const withProblems = [
      ...rows.slice(0, 10),
      ["Broken Address", "broken-at-savannah", "", ""],
      ...rows.slice(10),
      [staff[3]!.name, staff[3]!.email.toUpperCase(), "", ""],
    ];
    await admin.getByLabel("File").setInputFiles(csvFile("staff.csv", withProblems));
    await admin.getByRole("button", { name: "Check the list" }).click();
    await admin.waitForURL(/\?upload=/);
    const summary = admin.locator("#preview-title ~ p[role=status]");
    expect(await summary.textContent()).toContain("22 rows: 20 can be nominated, 2 have a problem.");
    expect(await admin.getByRole("row", { name: /broken-at-savannah/ }).textContent()).toContain("The email address is not valid.");
    expect(await admin.getByRole("row", { name: /already in an earlier row/ }).textContent()).toContain(staff[3]!.email);
    // Nothing is nominated yet.
    expect(await admin.getByRole("heading", { name: /Your institution’s 8 nominations/ }).count()).toBe(1);
    await screenshot(admin, "nominations-preview-en");

    // The corrected file, then confirmation.
    await admin.getByLabel("File").setInputFiles(csvFile("staff-fixed.csv", rows));
    await admin.getByRole("button", { name: "Check the list" }).click();
    await expect
      .poll(() => admin.locator("#preview-title ~ p[role=status]").textContent())
      .toContain("20 rows: 20 can be nominated, none has a problem.");
    await admin.getByRole("button", { name: "Nominate the 20 valid rows" }).click();
    await admin.waitForURL(/\?nominated=20/);
    expect(await admin.locator(".notice[role=status]").textContent()).toBe(
      "20 people nominated. 20 new accounts were sent a link to set a password.",
    );
    expect(await admin.getByRole("heading", { name: /Your institution’s 28 nominations/ }).count()).toBe(1);
    await admin.context().close();

    // Each new account got an invitation with a link to set its password.
    const outbox = path.join(orbis.dataDir, "outbox");
    const mails = fs.readdirSync(outbox).map((name) => fs.readFileSync(path.join(outbox, name), "utf8"));
    for (const person of staff) {
      const mail = mails.find((m) => m.includes(`To: ${person.email}`));
      expect(mail, person.email).toBeDefined();
      expect(mail).toMatch(/\/en\/reset-password\/[A-Za-z0-9_-]+/);
    }

    // The Ghana centre's admin approves the twenty together.
    const centre = await orbis.newPage();
    await signIn(centre, orbis.url, "gh.admin@orbis.example", demoPassword, "en");
    await centre.goto(`${orbis.url}/en/manage/cohorts/${cohortId}?status=pending`);
    for (const person of staff) await centre.getByLabel(`Select ${person.name}`).check();
    await centre.locator("#bulk-decision").getByRole("button", { name: "Approve" }).click();
    await centre.waitForURL(`${orbis.url}/en/manage/cohorts/${cohortId}?status=pending`);
    expect(await centre.getByRole("row", { name: /\(e2e\)/ }).count()).toBe(0);
    const approvals = fs.readdirSync(outbox).map((name) => fs.readFileSync(path.join(outbox, name), "utf8"));
    expect(approvals.filter((m) => m.includes("Your place is confirmed") && m.includes("savannah-e2e.example")).length).toBe(20);

    // The report shows them enrolled, with the demo university's earlier five.
    await centre.goto(`${orbis.url}/en/manage/cohorts/${cohortId}/report`);
    const people = centre.locator("#people-title + table tbody tr");
    for (const person of staff) expect(await centre.getByRole("row", { name: new RegExp(person.email) }).textContent()).toContain("Yes");
    expect(await people.count()).toBe(28);
    const chart = centre.locator("table.cohort-chart").first();
    expect(await chart.getByRole("row", { name: /Demo University of the Savannah/ }).textContent()).toContain("25");
    expect(await chart.locator("svg rect").count()).toBeGreaterThan(3);
    const csv = await (await centre.context().request.get(`${orbis.url}/en/manage/cohorts/${cohortId}/report/csv`)).text();
    expect(csv.split("\r\n").filter((line) => line.includes("savannah-e2e.example"))).toHaveLength(20);
    await screenshot(centre, "nominations-report-en");

    // The centre's pages for the cohort and the programme, in Russian.
    await centre.goto(`${orbis.url}/ru/manage/cohorts/${cohortId}`);
    expect(await centre.getByRole("heading", { level: 1 }).textContent()).toBe("Группа: February 2027");
    await screenshot(centre, "manage-cohort-ru");
    await centre.goto(`${orbis.url}/ru/manage/programmes/blended-teaching-for-lecturers-gh`);
    expect(await centre.getByRole("heading", { name: "Новая группа" }).count()).toBe(1);
    await screenshot(centre, "manage-programme-ru");

    // The same report in Arabic reads right to left.
    await centre.goto(`${orbis.url}/ar/manage/cohorts/${cohortId}/report`);
    expect(await centre.getAttribute("html", "dir")).toBe("rtl");
    expect(await centre.getByRole("heading", { level: 1 }).textContent()).toContain("February 2027");
    await screenshot(centre, "nominations-report-ar");
    await centre.context().close();
  });

  it("shows programmes in Russian and a cohort in Arabic to everyone", async () => {
    const page = await orbis.newPage();
    await page.goto(`${orbis.url}/ru/programmes`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Программы повышения квалификации");
    await page.getByRole("link", { name: "Цифровые компетенции преподавателя вуза" }).click();
    await page.waitForURL(`${orbis.url}/ru/programmes/teacher-digital-competence-kg`);
    expect(await page.getByRole("cell", { name: "Весна 2027", exact: true }).count()).toBe(1);
    await screenshot(page, "programme-ru");

    await page.goto(`${orbis.url}/ar/programmes/ai-in-university-teaching-eg`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("link", { name: "الدفعة الأولى 2027", exact: true }).click();
    await page.waitForURL(/\/ar\/programmes\/ai-in-university-teaching-eg\/cohorts\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("الدفعة الأولى 2027");
    await screenshot(page, "cohort-ar");
    await page.context().close();
  });
});
