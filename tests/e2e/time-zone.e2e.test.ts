import { describe, expect, it } from "vitest";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const demoPassword = "orbis-demo-2026";

const orbis = useOrbisAndBrowser();

async function kgAdmin(): Promise<Record<string, string>> {
  const response = await fetch(`${orbis.url}/api/v1/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "kg.admin@orbis.example", password: demoPassword, name: "time-zone e2e" }),
  });
  return { "content-type": "application/json", authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

/** An online event of the Kyrgyz centre at 09:00 UTC, `days` ahead, made through the API by its admin. */
async function eventAtNineUtc(days: number): Promise<{ id: string; slug: string; title: string; startsAt: string }> {
  const centre = (await (await fetch(`${orbis.url}/api/v1/centres/iioe-kyrgyzstan`)).json()) as { id: string };
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const response = await fetch(`${orbis.url}/api/v1/events`, {
    method: "POST",
    headers: await kgAdmin(),
    body: JSON.stringify({
      kind: "webinar",
      centreId: centre.id,
      defaultLocale: "en",
      title: `Time-zone journey ${days} (demo)`,
      startsAt: `${day}T09:00`,
      endsAt: `${day}T10:00`,
      timeZone: "UTC",
      mode: "online",
      joinUrl: "https://meet.example.org/tz",
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; slug: string; title: string; startsAt: string };
}

/** Makes the event a live session of the Kyrgyz programme's cohort; returns the cohort page's path. */
async function asKgCohortSession(eventId: string): Promise<string> {
  const slug = "teacher-digital-competence-kg";
  const programme = (await (await fetch(`${orbis.url}/api/v1/programmes/${slug}`)).json()) as { cohorts: { id: string }[] };
  const cohortId = programme.cohorts[0]!.id;
  const linked = await fetch(`${orbis.url}/api/v1/cohorts/${cohortId}/sessions`, {
    method: "POST",
    headers: await kgAdmin(),
    body: JSON.stringify({ eventId }),
  });
  expect(linked.status).toBe(200);
  return `/programmes/${slug}/cohorts/${cohortId}`;
}

/** The hour and minute an instant shows in a zone, as the page's language writes them. */
const clock = (locale: string, iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));

const journeys = [
  { locale: "ru", email: "kg.admin@orbis.example", zoneLabel: "Часовой пояс", save: "Сохранить", days: 5 },
  { locale: "ar", email: "learner.ar@orbis.example", zoneLabel: "المنطقة الزمنية", save: "حفظ", days: 6 },
] as const;

describe("a person's time zone", () => {
  for (const journey of journeys) {
    it(`(${journey.locale}) saved on the account page, it shows event times in UTC+6 on another device`, async () => {
      const event = await eventAtNineUtc(journey.days);

      const phone = await orbis.newPage();
      await signIn(phone, orbis.url, journey.email, demoPassword, journey.locale);
      await phone.goto(`${orbis.url}/${journey.locale}/account`);
      const select = phone.getByLabel(journey.zoneLabel);
      await select.selectOption("Asia/Bishkek");
      expect(await select.locator("option:checked").textContent()).toBe("Asia/Bishkek (UTC+06:00)");
      await phone.getByRole("button", { name: journey.save, exact: true }).click();
      await phone.waitForURL(/\/account\?saved/);
      expect(await phone.getByLabel(journey.zoneLabel).inputValue()).toBe("Asia/Bishkek");
      await screenshot(phone, `time-zone-account-${journey.locale}`);

      // Another browser: no cookie remembers a zone, only the account does.
      const laptop = await orbis.newPage();
      await signIn(laptop, orbis.url, journey.email, demoPassword, journey.locale);
      expect((await laptop.context().cookies()).some((c) => c.name === "orbis_tz")).toBe(false);
      await laptop.goto(`${orbis.url}/${journey.locale}/events/${event.slug}`);
      const when = await laptop.getByTestId("event-time").textContent();
      expect(when).toContain(clock(journey.locale, event.startsAt, "Asia/Bishkek"));
      expect(when).not.toContain(clock(journey.locale, event.startsAt, "UTC"));
      expect(await laptop.locator("#viewer-tz").inputValue()).toBe("Asia/Bishkek");
      await screenshot(laptop, `time-zone-event-${journey.locale}`);

      if (journey.locale === "ru") {
        // The centre admin's other pages with times follow the same zone.
        const local = clock("ru", event.startsAt, "Asia/Bishkek");
        await laptop.goto(`${orbis.url}/ru/manage/events`);
        expect(await laptop.getByRole("row").filter({ hasText: event.title }).textContent()).toContain(local);
        await laptop.goto(`${orbis.url}/ru${await asKgCohortSession(event.id)}`);
        expect(await laptop.getByRole("listitem").filter({ hasText: event.title }).textContent()).toContain(local);
        await screenshot(laptop, "time-zone-cohort-ru");
      }

      // Signed out, the same browser has nothing to go on: UTC.
      const stranger = await orbis.newPage();
      await stranger.goto(`${orbis.url}/${journey.locale}/events/${event.slug}`);
      expect(await stranger.getByTestId("event-time").textContent()).toContain(clock(journey.locale, event.startsAt, "UTC"));
    });
  }

  it("a zone picked on an event page is offered to keep, and kept it follows the person", async () => {
    const event = await eventAtNineUtc(7);
    const page = await orbis.newPage();
    await signIn(page, orbis.url, "translator.ru@orbis.example", demoPassword, "ru");
    await page.goto(`${orbis.url}/ru/events/${event.slug}`);
    await page.getByLabel("Показывать время в поясе").selectOption("Europe/Paris");
    await page.getByRole("button", { name: "Показать", exact: true }).click();
    await page.waitForURL(/tz=Europe%2FParis/);
    const keep = page.getByRole("button", { name: "Сохранить Europe/Paris" });
    await screenshot(page, "time-zone-offer-ru");
    await keep.click();
    await page.getByRole("status").filter({ hasText: "Europe/Paris" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ru/events/${event.slug}`);
    expect(new URL(page.url()).searchParams.has("tz")).toBe(false);
    expect(await page.getByRole("button", { name: "Сохранить Europe/Paris" }).count()).toBe(0);

    const elsewhere = await orbis.newPage();
    await signIn(elsewhere, orbis.url, "translator.ru@orbis.example", demoPassword, "ru");
    await elsewhere.goto(`${orbis.url}/ru/account`);
    expect(await elsewhere.getByLabel("Часовой пояс").inputValue()).toBe("Europe/Paris");
  });
});
