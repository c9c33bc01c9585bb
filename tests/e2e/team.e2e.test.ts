import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const orbis = useOrbisAndBrowser();

describe("team and roles", () => {
  it("lets the Kyrgyz centre's admin make a learner a translator in Russian, and take the role back", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage`);
    await page.getByRole("link", { name: "Команда и роли" }).first().click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Команда и роли");
    // The centre's own course author is on the team already.
    expect(await page.getByRole("row", { name: /Bakyt Course-Author/ }).textContent()).toContain("Автор курсов");

    const grant = page.locator("section", { has: page.getByRole("heading", { name: "Назначить роль" }) });
    await grant.getByLabel("Адрес электронной почты").fill("nobody-here@orbis.example");
    await grant.getByLabel("Роль").selectOption({ label: "Переводчик" });
    await grant.getByRole("button", { name: "Назначить" }).click();
    await expect.poll(() => grant.getByLabel("Адрес электронной почты").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#grant-email-error").textContent()).toContain("Нет учётной записи");

    await grant.getByLabel("Адрес электронной почты").fill("learner@orbis.example");
    await grant.getByRole("button", { name: "Назначить" }).click();
    const row = page.getByRole("row", { name: /Lena Learner/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Переводчик");
    await screenshot(page, "team-ru");

    await row.getByRole("button", { name: /Снять роль/ }).click();
    await expect.poll(() => page.getByRole("row", { name: /Lena Learner/ }).count()).toBe(0);
  });

  it("shows the network-wide staff to the secretariat in Arabic, right to left", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword, "ar");
    await page.goto(`${orbis.url}/ar/manage/people`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("row", { name: /Rahel Reviewer/ }).textContent()).toContain("مراجع مقررات");
    await screenshot(page, "team-ar");
  });

  it("refuses the page to a learner", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword, "en");
    const response = await page.goto(`${orbis.url}/en/manage/people`);
    expect(response?.status()).toBe(403);
  });
});
