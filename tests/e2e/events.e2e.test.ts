import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";

const orbis = useOrbisAndBrowser();

async function token(email: string): Promise<{ authorization: string }> {
  const response = await fetch(`${orbis.url}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoPassword, name: "events e2e" }),
  });
  expect(response.status).toBe(201);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

async function api<T>(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${orbis.url}${path}`, {
    ...init,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The mails (.eml) the server has sent to `to`: notices go through the outbox, a moment after the answer. */
function mailsTo(to: string): string[] {
  const outbox = path.join(orbis.dataDir, "outbox");
  return (fs.existsSync(outbox) ? fs.readdirSync(outbox) : [])
    .map((name) => fs.readFileSync(path.join(outbox, name), "utf8"))
    .filter((mail) => mail.split(/\r?\n/).includes(`To: ${to}`));
}

/** A date `days` ahead, as the wall-clock day the event's organiser sees. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

describe("events", () => {
  it("a learner in Bishkek sees local time, registers, downloads the .ics, cancels, and the first waiting person is promoted", async () => {
    const staff = await token("kg.admin@orbis.example");
    const centre = await api<{ id: string }>("/api/v1/centres/iioe-kyrgyzstan");
    const day = dayAhead(4);
    const created = await api<{ id: string; slug: string; startsAt: string }>("/api/v1/events", {
      method: "POST",
      headers: staff,
      body: JSON.stringify({
        kind: "workshop",
        centreId: centre.body.id,
        defaultLocale: "en",
        title: "E2E time-zone workshop (demo)",
        startsAt: `${day}T14:00`,
        endsAt: `${day}T16:00`,
        timeZone: "Asia/Bishkek",
        mode: "online",
        joinUrl: "https://meet.example.org/e2e",
        capacity: 1,
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body.startsAt).toBe(`${day}T08:00:00.000Z`);
    const event = created.body;

    const page = await orbis.newPage();
    await signIn(page, orbis.url, "learner@orbis.example", demoPassword);
    await page.goto(`${orbis.url}/en/events/${event.slug}`);
    await page.getByLabel("Show times in").selectOption("Asia/Bishkek");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/tz=Asia%2FBishkek/);
    const when = await page.getByTestId("event-time").textContent();
    expect(when).toContain("2:00 PM");
    expect(when).toContain("GMT+6");
    expect(await page.getByTestId("organiser-time").textContent()).toContain("Asia/Bishkek");
    // The choice is remembered for the next page.
    await page.goto(`${orbis.url}/en/events/${event.slug}`);
    expect(await page.getByTestId("event-time").textContent()).toContain("GMT+6");

    await page.getByRole("button", { name: "Register" }).click();
    await page.getByTestId("my-status").waitFor();
    expect(await page.getByTestId("my-status").textContent()).toBe("You are registered.");
    expect(await page.getByRole("link", { name: "Join the event online" }).getAttribute("href")).toBe("https://meet.example.org/e2e");
    // The confirmation, with the event as a calendar file, once.
    const confirmation = () => mailsTo("learner@orbis.example").filter((m) => m.includes("Subject: You are registered: E2E time-zone"));
    await expect.poll(() => confirmation().length, { timeout: 20_000 }).toBe(1);
    expect(confirmation()[0]).toContain("text/calendar");

    const ics = await page.request.get(`${orbis.url}/api/v1/events/${event.id}/calendar.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const calendar = await ics.text();
    expect(calendar).toContain(`DTSTART:${day.replaceAll("-", "")}T080000Z\r\n`);
    expect(calendar).toContain("meet.example.org/e2e");

    const waiting = await token("learner.ar@orbis.example");
    const queued = await api<{ status: string; waitlistPosition: number }>(`/api/v1/events/${event.id}/registration`, {
      method: "POST",
      headers: waiting,
    });
    expect(queued.body).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    await screenshot(page, "events-registered-en");

    await page.getByRole("button", { name: "Cancel my registration" }).click();
    // The freed place went to the person waiting, so the event is full again.
    await page.getByRole("button", { name: "Join the waiting list" }).waitFor();
    const promoted = await api<{ myRegistration: { status: string } }>(`/api/v1/events/${event.id}`, { headers: waiting });
    expect(promoted.body.myRegistration.status).toBe("registered");
    // In Arabic: the waiting-list notice, then the promotion with its calendar file.
    await expect.poll(() => mailsTo("learner.ar@orbis.example").length, { timeout: 20_000 }).toBe(2);
    expect(mailsTo("learner.ar@orbis.example").filter((m) => m.includes("text/calendar"))).toHaveLength(1);
    await page.context().close();
  });

  it("shows the events calendar in Arabic, right to left, and in Chinese", async () => {
    const page = await orbis.newPage();
    await page.goto(`${orbis.url}/ar/events`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("الفعاليات");
    expect(await page.locator(".event-card").count()).toBeGreaterThan(3);
    await screenshot(page, "events-list-ar");
    await page.goto(`${orbis.url}/ar/events?period=past`);
    expect(await page.getByRole("link", { name: /IIOE/ }).count()).toBeGreaterThan(0);
    await page.goto(`${orbis.url}/zh/events`);
    expect(await page.getAttribute("html", "lang")).toBe("zh");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("活动");
    expect(await page.getByRole("link", { name: "即将举行" }).count()).toBe(1);
    await screenshot(page, "events-list-zh");
    await page.context().close();
  });

  it("the KNU workshop in Russian, and its report for the centre's admin", async () => {
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/events/knu-russian-language-platform-workshop-2025?tz=Asia/Bishkek`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Знакомство с русскоязычной платформой IIOE");
    await screenshot(page, "events-knu-ru");
    await page.goto(`${orbis.url}/ru/manage/events`);
    await page
      .getByRole("row", { name: /Знакомство с русскоязычной платформой IIOE/ })
      .getByRole("link", { name: "Отчёт" })
      .click();
    await page.waitForURL(/\/report$/);
    expect(await page.locator('[data-figure="attended"] .value').textContent()).toMatch(/412/);
    expect(await page.locator(".bar-chart li").count()).toBeGreaterThan(5);
    await screenshot(page, "events-report-ru");
    await page.goto(`${orbis.url}/ar/events/knu-russian-language-platform-workshop-2025`);
    await screenshot(page, "events-knu-ar");
    await page.context().close();
  });
  it("centre staff create an event through the form, and bad times are refused with a message", async () => {
    const page = await orbis.newPage({ javaScriptEnabled: false });
    await signIn(page, orbis.url, "kg.admin@orbis.example", demoPassword);
    await page.goto(`${orbis.url}/en/manage/events/new`);
    const day = dayAhead(20);
    await page.getByLabel("Title").first().fill("Form-made seminar (demo)");
    await page.getByLabel("Starts").fill(`${day}T10:00`);
    await page.getByLabel("Ends").fill(`${day}T09:00`);
    await page.getByLabel("Organiser’s time zone").selectOption("Asia/Bishkek");
    // Languages are ticked by name, not typed as codes.
    const languages = page.getByRole("group", { name: "Languages", exact: true });
    await languages.getByLabel("Russian", { exact: true }).check();
    await languages.getByLabel("Kyrgyz", { exact: true }).check();
    await page.getByRole("group", { name: "Interpretation languages" }).getByLabel("English", { exact: true }).check();
    await page.getByRole("button", { name: "Create event" }).click();
    expect(await page.locator(".form-error").textContent()).toContain("The end must be after the start.");
    expect(await languages.getByLabel("Kyrgyz", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("Ends").fill(`${day}T12:00`);
    await page.getByRole("button", { name: "Create event" }).click();
    await page.waitForURL(/\/manage\/events\/[0-9a-f-]{36}\?saved/);
    expect(await page.getByRole("status").first().textContent()).toBe("Saved.");
    expect(await page.getByLabel("Starts").inputValue()).toBe(`${day}T10:00`);
    const ticked = await languages.locator("input:checked").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(ticked.sort()).toEqual(["ky", "ru"]);
    await screenshot(page, "events-form-en");
    await page.context().close();
  });
});
