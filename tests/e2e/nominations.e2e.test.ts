import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
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

/** The outbox's mails once `ready` says they are all there: the server sends them in the background. */
async function outboxWhen(ready: (mails: string[]) => boolean): Promise<string[]> {
  const outbox = path.join(orbis.dataDir, "outbox");
  const read = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).map((name) => fs.readFileSync(path.join(outbox, name), "utf8")) : []);
  await expect.poll(() => ready(read()), { timeout: 20_000 }).toBe(true);
  return read();
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
    const mails = await outboxWhen((all) => staff.every((person) => all.some((m) => m.includes(`To: ${person.email}`))));
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
    // None is pending any more; they are the cohort's participants now.
    expect(
      await centre
        .locator("#nominations-title ~ table")
        .getByRole("row", { name: /\(e2e\)/ })
        .count(),
    ).toBe(0);
    expect(
      await centre
        .locator("#participants-title ~ table")
        .getByRole("row", { name: /\(e2e\)/ })
        .count(),
    ).toBe(20);
    const approved = (all: string[]) => all.filter((m) => m.includes("Your place is confirmed") && m.includes("savannah-e2e.example"));
    expect(approved(await outboxWhen((all) => approved(all).length >= 20))).toHaveLength(20);

    // The centre puts its coming webinar in the cohort's schedule.
    const webinar = await (await fetch(`${orbis.url}/api/v1/events/ghana-webinar-blended-teaching-demo`)).json();
    await centre.goto(`${orbis.url}/en/manage/cohorts/${cohortId}`);
    await centre.getByLabel("Event of the centre").selectOption(webinar.id);
    await centre.getByRole("button", { name: "Add as a session" }).click();
    await centre.getByRole("button", { name: `Remove ${webinar.title}` }).waitFor();

    // Two of the new participants choose a password from their invitation, then register for it from the cohort's page.
    const attendees = staff.slice(0, 2);
    for (const person of attendees) {
      const invitation = mails.find((m) => m.includes(`To: ${person.email}`))!;
      const link = /\/en\/reset-password\/[A-Za-z0-9_-]+/.exec(invitation.replace(/=\r?\n/g, ""))![0];
      const page = await orbis.newPage();
      await page.goto(`${orbis.url}${link}`);
      await page.getByLabel("New password").fill("a password for the e2e staff");
      await page.locator("main button[type=submit]").click();
      await page.waitForURL(/\/en\/account/);
      await page.goto(`${orbis.url}/en/programmes/blended-teaching-for-lecturers-gh/cohorts/${cohortId}`);
      expect(await page.locator(".notice").first().textContent()).toContain("You take part in this cohort.");
      await page.getByRole("link", { name: webinar.title }).click();
      await page.getByRole("button", { name: "Register" }).click();
      await page.getByTestId("my-status").waitFor();
      expect(await page.getByTestId("my-status").textContent()).toBe("You are registered.");
      await page.context().close();
    }

    // At the session, the centre's staff check them in on the registrations page.
    await centre.goto(`${orbis.url}/en/manage/events/${webinar.id}/registrations`);
    for (const person of attendees) {
      const row = () => centre.getByRole("row", { name: new RegExp(person.email.replaceAll(".", "\\.")) });
      await row().getByRole("button", { name: "Check in" }).click();
      await row().getByText("Checked in").waitFor();
    }
    await screenshot(centre, "nominations-session-check-in-en");

    // The report shows them enrolled, with the demo university's earlier five.
    await centre.goto(`${orbis.url}/en/manage/cohorts/${cohortId}/report`);
    const people = centre.locator("#people-title + table tbody tr");
    for (const person of staff) expect(await centre.getByRole("row", { name: new RegExp(person.email) }).textContent()).toContain("Yes");
    expect(await people.count()).toBe(28);
    // Their attendance: one of the cohort's one live session each, and two in the totals.
    for (const person of attendees)
      expect(await centre.getByRole("row", { name: new RegExp(person.email) }).textContent()).toContain("1 of 1");
    expect(await centre.getByRole("row", { name: new RegExp(staff[2]!.email) }).textContent()).toContain("0 of 1");
    expect(await centre.locator(".figures li", { hasText: "Sessions attended" }).locator(".value").textContent()).toBe("2");
    const chart = centre.locator("table.cohort-chart").first();
    expect(await chart.getByRole("row", { name: /Demo University of the Savannah/ }).textContent()).toContain("25");
    expect(await chart.locator("svg rect").count()).toBeGreaterThan(3);
    const csv = await (await centre.context().request.get(`${orbis.url}/en/manage/cohorts/${cohortId}/report/csv`)).text();
    expect(csv.split("\r\n").filter((line) => line.includes("savannah-e2e.example"))).toHaveLength(20);
    await screenshot(centre, "nominations-report-en");

    // The centre's pages for the cohort and the programme, in Russian.
    await centre.goto(`${orbis.url}/ru/manage/cohorts/${cohortId}`);
    expect(await centre.getByRole("heading", { level: 1 }).textContent()).toBe("Группа: \u2068February 2027\u2069");
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

  it("lets a participant leave a cohort in Arabic without JavaScript, and the centre remove one in Russian", async () => {
    const cohortPath = async () => {
      const programme = await (await fetch(`${orbis.url}/api/v1/programmes/ai-in-university-teaching-eg`)).json();
      return `/programmes/ai-in-university-teaching-eg/cohorts/${programme.cohorts[0].id}`;
    };
    const here = await cohortPath();
    const seats = async (page: Page) => (await page.locator("dt", { hasText: "المقاعد" }).locator("+ dd").textContent()) ?? "";

    const learner = await orbis.newPage({ javaScriptEnabled: false });
    await signIn(learner, orbis.url, "learner.ar@orbis.example", demoPassword, "ar");
    await learner.goto(`${orbis.url}/ar${here}`);
    expect(await learner.getAttribute("html", "dir")).toBe("rtl");
    const before = await seats(learner);
    await learner.getByRole("button", { name: "الانضمام إلى هذه الدفعة" }).click();
    await learner.waitForURL(/\?joined/);
    expect(await learner.locator(".notice").first().textContent()).toContain("أنت مشارك في هذه الدفعة.");
    expect(await seats(learner)).not.toBe(before);

    // Leaving asks first, on a page of its own, and staying changes nothing.
    await learner.getByRole("link", { name: "الانسحاب من هذه الدفعة" }).click();
    await learner.waitForURL(/\?leave/);
    expect(await learner.getByRole("heading", { name: "هل تريد الانسحاب من هذه الدفعة؟" }).count()).toBe(1);
    await screenshot(learner, "cohort-leave-confirm-ar");
    await learner.getByRole("link", { name: "لا، ابقَ في الدفعة" }).click();
    expect(await learner.locator(".notice").first().textContent()).toContain("أنت مشارك في هذه الدفعة.");
    await learner.getByRole("link", { name: "الانسحاب من هذه الدفعة" }).click();
    await learner.getByRole("button", { name: "نعم، انسحب من الدفعة" }).click();
    await learner.waitForURL(/\?left/);
    expect(await learner.getByRole("status").first().textContent()).toBe("لقد انسحبت من هذه الدفعة. تقدّمك في مقرراتها محفوظ.");
    expect(await seats(learner)).toBe(before);
    // The seat is free again, and she may come back.
    expect(await learner.getByRole("button", { name: "الانضمام إلى هذه الدفعة" }).count()).toBe(1);
    await screenshot(learner, "cohort-left-ar");
    await learner.context().close();

    // A participant the Egyptian cohort's organisers remove, on the page in Russian.
    const participant = await orbis.newPage();
    await signIn(participant, orbis.url, "learner@orbis.example", demoPassword, "en");
    await participant.goto(`${orbis.url}/en${here}`);
    await participant.getByRole("button", { name: "Join this cohort" }).click();
    await participant.waitForURL(/\?joined/);
    await participant.context().close();

    const staffPage = await orbis.newPage();
    await signIn(staffPage, orbis.url, "secretariat@orbis.example", demoPassword, "ru");
    const cohortId = here.split("/").at(-1)!;
    await staffPage.goto(`${orbis.url}/ru/manage/cohorts/${cohortId}`);
    const row = staffPage.getByRole("row", { name: /learner@orbis\.example/ });
    await row.getByRole("link", { name: /Исключить/ }).click();
    await staffPage.waitForURL(/remove=/);
    const confirm = staffPage.getByRole("region", { name: /Исключить .+ из группы\?/ });
    expect(await confirm.textContent()).toContain("Прогресс в курсах сохранится.");
    await screenshot(staffPage, "manage-cohort-remove-ru");
    await confirm.getByRole("button", { name: /Да, исключить/ }).click();
    await staffPage.waitForURL(/\?removed=1$/);
    expect(await staffPage.getByRole("status").first().textContent()).toBe("Участник исключён из группы.");
    expect(await staffPage.getByRole("row", { name: /learner@orbis\.example/ }).count()).toBe(0);

    // The facilitators are changed in the settings; an unknown address is named at the field.
    const facilitators = staffPage.getByLabel("Ведущие");
    expect(await facilitators.inputValue()).toBe("");
    await facilitators.fill("nobody@nowhere.example");
    await staffPage.getByRole("button", { name: "Сохранить" }).click();
    expect(await staffPage.locator("#settings-facilitatorEmails-error").textContent()).toContain(
      "Нет учётной записи с адресом nobody@nowhere.example.",
    );
    await staffPage.getByLabel("Ведущие").fill("secretariat@orbis.example");
    await staffPage.getByRole("button", { name: "Сохранить" }).click();
    await staffPage.waitForURL(`${orbis.url}/ru/manage/cohorts/${cohortId}`);
    expect(await staffPage.getByLabel("Ведущие").inputValue()).toBe("secretariat@orbis.example");
    await staffPage.goto(`${orbis.url}/ru${here}`);
    expect(await staffPage.locator("dt", { hasText: "Ведущие" }).locator("+ dd").textContent()).toBe("Sam Secretariat (demo)");

    // Both show in the report as withdrawn.
    await staffPage.goto(`${orbis.url}/ru/manage/cohorts/${cohortId}/report`);
    expect(await staffPage.locator(".figures li", { hasText: "Вышли из группы" }).locator(".value").textContent()).toBe("2");
    await screenshot(staffPage, "cohort-report-withdrawn-ru");
    await staffPage.context().close();
  });
});
