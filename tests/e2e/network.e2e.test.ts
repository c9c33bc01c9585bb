import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";

const orbis = useOrbisAndBrowser();
const freshPage = () => orbis.newPage();

type CentreList = { items: { slug: string; name: string; country: string; establishedOn: string | null }[]; total: number };

async function apiCentres(query = ""): Promise<CentreList> {
  const response = await fetch(`${orbis.url}/api/v1/centres?limit=100${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CentreList;
}

describe("public pages of the network", () => {
  it("shows the home page in English with live figures, one map marker per centre and the timeline", async () => {
    const centres = await apiCentres();
    expect(centres.total).toBeGreaterThan(5);
    const page = await freshPage();
    await page.goto(`${orbis.url}/en`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Orbis");
    expect(await page.locator('[data-figure="centres"] .value').textContent()).toBe(String(centres.total));

    const map = page.getByRole("figure", { name: /World map of the network/ });
    expect(await map.locator("a").count()).toBe(centres.total);
    const ghana = centres.items.find((c) => c.country === "GH")!;
    expect(await map.getByRole("link", { name: ghana.name }).getAttribute("href")).toBe(`/en/centres/${ghana.slug}`);
    // The land is a static same-origin image that the browser really loads.
    const land = await page.request.get(`${orbis.url}/world-land.svg`);
    expect(land.status()).toBe(200);

    const years = page.getByRole("heading", { name: "Growth of the network" }).locator("xpath=following-sibling::ol[1]/li");
    expect(await years.count()).toBeGreaterThan(0);
    const dated = centres.items.filter((c) => c.establishedOn).length;
    expect(await years.last().textContent()).toContain(`${dated} centres in all`);
    await screenshot(page, "network-home-en");
    await page.context().close();
  });

  it("mirrors the home page in Arabic but not the map", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/ar`);
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.locator(".lead").first().textContent()).toBe("الشبكة العالمية لمراكز التعليم عبر الإنترنت");
    expect(await page.getByRole("heading", { name: "نمو الشبكة" }).count()).toBe(1);
    expect(await page.locator(".world-map").getAttribute("dir")).toBe("ltr");
    // Right-to-left: the first figure starts at the right edge.
    const [first, second] = await page
      .locator(".figures li")
      .evaluateAll((items) => items.slice(0, 2).map((li) => li.getBoundingClientRect().x));
    expect(first!).toBeGreaterThan(second!);
    await screenshot(page, "network-home-ar");
    await page.context().close();
  });

  it("shows the home page in Chinese and Russian", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/zh`);
    expect(await page.getAttribute("html", "lang")).toBe("zh");
    expect(await page.getByRole("heading", { name: "遍布全球的中心" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /浏览全部/ }).count()).toBe(1);
    await page.goto(`${orbis.url}/ru`);
    expect(await page.getByRole("heading", { name: "Рост сети" }).count()).toBe(1);
    await screenshot(page, "network-home-ru");
    await page.context().close();
  });

  it("filters the directory without script and opens a centre page", async () => {
    const page = await orbis.newPage({ javaScriptEnabled: false });
    await page.goto(`${orbis.url}/en/centres`);
    await page.getByLabel("Country").selectOption("KG");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/country=KG/);
    const cards = page.locator(".cards > li");
    expect(await cards.count()).toBe(1);
    await cards.getByRole("link").click();
    await page.waitForURL(/\/en\/centres\/iioe-kyrgyzstan$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Kyrgyzstan");
    expect(await page.getByText("Kyrgyzstan · Central Asia").count()).toBeGreaterThan(0);
    await screenshot(page, "network-centre-en");

    const missing = await page.goto(`${orbis.url}/en/centres/no-such-centre`);
    expect(missing?.status()).toBe(404);
    await page.context().close();
  });
});

describe("staff pages of the network", () => {
  it("lets the secretariat create a centre that then shows in the directory, on the map and in the API", async () => {
    const page = await freshPage();
    await signIn(page, orbis.url, "secretariat@orbis.example", demoPassword, "en");
    await page.goto(`${orbis.url}/en/manage/centres/new`);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("IIOE Demo Centre");
    await page.getByLabel("Country").selectOption("KZ");
    await page.getByLabel("City", { exact: true }).fill("Almaty");
    await page.getByLabel("Languages", { exact: true }).fill("kk, ru");
    await page.getByLabel("Established", { exact: true }).fill("2026-13");
    await page.getByLabel("Focus areas", { exact: true }).fill("Teacher digital skills\nTVET courses");
    await page.getByRole("button", { name: "Create" }).click();

    // A refused form comes back with the user's input and the message next to the field.
    const established = page.getByLabel("Established", { exact: true });
    await expect.poll(() => established.getAttribute("aria-invalid")).toBe("true");
    expect(await established.inputValue()).toBe("2026-13");
    expect(await page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe("IIOE Demo Centre");
    expect(await page.getByRole("alert").textContent()).toContain("Some fields are not valid");
    const describedBy = (await established.getAttribute("aria-describedby")) ?? "";
    expect(describedBy).toContain("f-establishedOn-error");

    await established.fill("2026-03");
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(`${orbis.url}/en/centres/iioe-demo-centre`);
    // The URL changes before the new page has rendered, so wait for its heading.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("IIOE Demo Centre");
    expect(await page.getByText("March 2026").count()).toBeGreaterThan(0);

    await page.goto(`${orbis.url}/en/centres?q=Demo+Centre`);
    expect(await page.locator(".cards").getByRole("link", { name: "IIOE Demo Centre" }).count()).toBe(1);

    await page.goto(`${orbis.url}/en`);
    const marker = page.getByRole("figure", { name: /World map/ }).getByRole("link", { name: "IIOE Demo Centre" });
    expect(await marker.getAttribute("href")).toBe("/en/centres/iioe-demo-centre");

    const api = await apiCentres("&country=KZ");
    expect(api.items.map((c) => c.slug)).toContain("iioe-demo-centre");
    await page.context().close();
  });

  it("refuses a centre admin another centre's edit page but lets them edit their own", async () => {
    const page = await freshPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "en");

    const refused = await page.goto(`${orbis.url}/en/manage/centres/iioe-ghana`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Access refused");
    expect(await page.getByText("You do not have permission to do this.").count()).toBe(1);

    await page.goto(`${orbis.url}/en/manage/centres/iioe-kyrgyzstan`);
    expect(await page.getByLabel("Status", { exact: true }).isDisabled()).toBe(true);
    await page.getByLabel("Focus areas", { exact: true }).fill("Digital teaching in Kyrgyz and Russian\nMicro-certification");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/en\/manage\/centres\/iioe-kyrgyzstan\?saved/);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Saved.");

    await page.goto(`${orbis.url}/en/centres/iioe-kyrgyzstan`);
    expect(await page.getByText("Micro-certification").count()).toBe(1);

    // Their own network: welcome a university that is not in the registry yet, then remove it.
    await page.goto(`${orbis.url}/en/manage/centres/iioe-kyrgyzstan/members`);
    const create = page.locator("section", { has: page.getByRole("heading", { name: /not in the registry yet/ }) });
    await create.getByRole("textbox", { name: "Name", exact: true }).fill("Demo Karakol Mountain University (fictional)");
    await create.getByLabel("Joined", { exact: true }).fill("2026-02");
    await create.getByRole("button", { name: "Create and add" }).click();
    const row = page.getByRole("row", { name: /Demo Karakol Mountain University/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("February 2026");
    await row.getByRole("button", { name: /Remove/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.context().close();
  });

  it("sends a visitor who is not signed in to sign-in, and back afterwards", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/fr/manage`);
    expect(new URL(page.url()).pathname).toBe("/fr/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/fr/manage");
    await page.locator('input[name="email"]').fill("gh.admin@orbis.example");
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL(`${orbis.url}/fr/manage`);
    await page.getByRole("link", { name: "Centre national IIOE du Ghana", exact: true }).waitFor();
    await page.context().close();
  });
});
