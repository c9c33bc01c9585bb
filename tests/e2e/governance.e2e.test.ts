import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";
const orbis = useOrbisAndBrowser();

describe("governance of the network", () => {
  it("lets the secretariat record a rotating presidency that shows on the About page in Arabic and Chinese", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword, "en");
    await page.goto(`${orbis.url}/en/manage`);
    await page.getByRole("link", { name: "Governance", exact: true }).click();
    await page.waitForURL(`${orbis.url}/en/manage/governance`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Governance terms");

    // Without a holder the form comes back with the year as typed and the message at the holder.
    const add = page.locator("section", { has: page.getByRole("heading", { name: "Add a term" }) });
    await add.getByLabel("Year").fill("2025");
    await add.getByLabel("Role").selectOption({ label: "Rotating presidency" });
    await add.getByRole("button", { name: "Add" }).click();
    const holder = add.getByLabel("Holder organisation");
    await expect.poll(() => holder.getAttribute("aria-invalid")).toBe("true");
    expect(await add.getByLabel("Year").inputValue()).toBe("2025");
    expect(await page.locator("#f-holderOrganisationId-error").textContent()).toBe(
      "Choose the organisation that holds the term, or write the holder’s name.",
    );

    await holder.selectOption({ label: "University of Cape Coast (UCC)" });
    await add.getByRole("button", { name: "Add" }).click();
    const row = page.getByRole("row", { name: /University of Cape Coast/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("2025");
    await screenshot(page, "network-governance-staff-en");

    // A second president for the same year is refused next to the year.
    await add.getByLabel("Year").fill("2025");
    await add.getByLabel("Holder organisation").selectOption({ label: "Mulungushi University" });
    await add.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => add.getByLabel("Year").getAttribute("aria-invalid")).toBe("true");

    // The year was a slip: correct it on the term's own page.
    await row.getByRole("link", { name: /Edit/ }).click();
    await page.waitForURL(/\/en\/manage\/governance\/[0-9a-f-]{36}$/);
    await page.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${orbis.url}/en/manage/governance`);
    await expect.poll(() => page.getByRole("row", { name: /University of Cape Coast/ }).textContent()).toContain("2026");

    await page.goto(`${orbis.url}/ar/network`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("عن الشبكة");
    expect(await page.getByRole("heading", { name: "الرئاسة الدورية" }).count()).toBe(1);
    const presidency = page.getByRole("list", { name: "الرئاسة الدورية" }).getByRole("listitem");
    expect(await presidency.count()).toBe(3);
    const ucc = presidency.last();
    expect(await ucc.getByRole("link", { name: "University of Cape Coast (UCC)" }).getAttribute("href")).toBe("/ar/centres/iioe-ghana");
    expect(await ucc.textContent()).toContain("تستضيف: مركز IIOE الوطني في غانا");
    await screenshot(page, "network-about-ar");

    await page.goto(`${orbis.url}/zh/network`);
    expect(await page.getAttribute("html", "lang")).toBe("zh");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("关于网络");
    const zhTerms = page.getByRole("list", { name: "轮值主席" }).getByRole("listitem");
    expect(await zhTerms.last().textContent()).toContain("2026");
    expect(await zhTerms.last().getByRole("link").getAttribute("href")).toBe("/zh/centres/iioe-ghana");
    await screenshot(page, "network-about-zh");

    // Removed again, it is gone from the public page.
    await page.goto(`${orbis.url}/en/manage/governance`);
    await page
      .getByRole("row", { name: /University of Cape Coast/ })
      .getByRole("button", { name: /Remove/ })
      .click();
    await expect.poll(() => page.getByRole("row", { name: /University of Cape Coast/ }).count()).toBe(0);
    await page.goto(`${orbis.url}/en/network`);
    expect(await page.getByRole("list", { name: "Rotating presidency" }).getByRole("listitem").count()).toBe(2);
    await page.context().close();
  });

  it("is reachable from the main menu and the home page", async () => {
    const page = await orbis.newPage({ javaScriptEnabled: false });
    await page.goto(`${orbis.url}/fr`);
    await page
      .getByRole("main")
      .getByRole("link", { name: /À propos du réseau/ })
      .click();
    await page.waitForURL(`${orbis.url}/fr/network`);
    expect(
      await page
        .getByRole("navigation", { name: "Principale" })
        .getByRole("link", { name: "À propos du réseau" })
        .getAttribute("aria-current"),
    ).toBe("page");
    expect(await page.getByText("Institut international d’éducation en ligne (IIOE)").count()).toBe(1);
    const terms = page.getByRole("list", { name: "Présidence tournante" }).getByRole("listitem");
    expect(await terms.first().getByRole("link").getAttribute("href")).toBe("/fr/centres/iioe-pakistan");
    await page.context().close();
  });

  it("refuses a centre admin the governance staff page", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage`);
    expect(await page.getByRole("link", { name: "Руководство сети", exact: true }).count()).toBe(0);
    const refused = await page.goto(`${orbis.url}/ru/manage/governance`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Доступ запрещён");
    await page.context().close();
  });
});

describe("smart classrooms", () => {
  it("lets the Kyrgyzstan centre's admin add a smart classroom that shows on the centre's page in Russian", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/manage/centres/iioe-kyrgyzstan`);
    await page.getByRole("main").getByRole("link", { name: "Смарт-классы" }).click();
    await page.waitForURL(`${orbis.url}/ru/manage/centres/iioe-kyrgyzstan/facilities`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Смарт-классы");
    expect(await page.getByRole("row", { name: /KNU Smart Classroom/ }).count()).toBe(1);

    await page.getByLabel("Название").fill("Смарт-класс в Оше (демо)");
    await page.getByLabel("Дата открытия").fill("2026-13");
    await page.getByLabel("Партнёры").fill("КНУ\nIIOE\n");
    await page.getByRole("button", { name: "Добавить" }).click();
    const date = page.getByLabel("Дата открытия");
    await expect.poll(() => date.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Название").inputValue()).toBe("Смарт-класс в Оше (демо)");

    await date.fill("2026-02");
    await page.getByRole("button", { name: "Добавить" }).click();
    const row = page.getByRole("row", { name: /Смарт-класс в Оше/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("КНУ, IIOE");
    expect(await row.textContent()).toContain("февраль 2026");
    await screenshot(page, "network-facilities-ru");

    await page.goto(`${orbis.url}/ru/centres/iioe-kyrgyzstan`);
    const card = page.locator(".card", { has: page.getByRole("heading", { name: "Смарт-класс в Оше (демо)" }) });
    expect(await card.textContent()).toContain("Совместно с: КНУ, IIOE");

    // And removed again by the same team.
    await page.goto(`${orbis.url}/ru/manage/centres/iioe-kyrgyzstan/facilities`);
    await page
      .getByRole("row", { name: /Смарт-класс в Оше/ })
      .getByRole("button", { name: /Удалить/ })
      .click();
    await expect.poll(() => page.getByRole("row", { name: /Смарт-класс в Оше/ }).count()).toBe(0);
    await page.context().close();
  });

  it("refuses another centre's smart classrooms", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "en");
    const refused = await page.goto(`${orbis.url}/en/manage/centres/iioe-ghana/facilities`);
    expect(refused?.status()).toBe(403);
    await page.context().close();
  });
});
