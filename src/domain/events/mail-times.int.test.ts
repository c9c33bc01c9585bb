import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEvent } from "../../../tests/factories/events.ts";
import { createCentre } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

let runtime: TestRuntime;
let centreId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services, { country: "FR", name: "Mail Times Centre" })).id;
});

afterAll(async () => {
  await runtime?.close();
});

/** A person reading in Russian, with a saved time zone or none. */
async function reader(timeZone: string | null) {
  const actor = await createSignedInUser(runtime.services, { locale: "ru" });
  if (timeZone) await runtime.services.identity.updateProfile(actor, { timeZone });
  return actor;
}

async function mailsTo(email: string) {
  await runtime.services.events.noticesDelivered();
  await runtime.deliverMail();
  return runtime.mailer.sent.filter((m) => m.to === email);
}

describe("event mails in the recipient's time zone", () => {
  test("the confirmation gives the time in the saved zone beside the organiser's, and the .ics names that zone", async () => {
    const { services, clock } = runtime;
    // 09:00 in Paris on 10 March 2031 (UTC+1) is 14:00 in Bishkek (UTC+6).
    const event = await createEvent(services, centreId, clock.now, {
      startsAt: "2031-03-10T09:00",
      endsAt: "2031-03-10T11:00",
      timeZone: "Europe/Paris",
    });
    const [bishkek, unset, paris] = [await reader("Asia/Bishkek"), await reader(null), await reader("Europe/Paris")];
    for (const person of [bishkek, unset, paris]) await services.events.register(person, event.id);

    const [toBishkek] = await mailsTo(bishkek.email);
    expect(toBishkek?.text).toMatch(/Когда: .*14:00 \(Asia\/Bishkek\) — .*09:00 \(Europe\/Paris\) по времени организатора\n/);
    expect(String(toBishkek?.attachments?.[0]?.content)).toContain("X-WR-TIMEZONE:Asia/Bishkek\r\n");

    for (const person of [unset, paris]) {
      const [mail] = await mailsTo(person.email);
      expect(mail?.text).toMatch(/Когда: .*09:00 \(Europe\/Paris\)\n/);
      expect(mail?.text).not.toContain("организатора");
    }
    const [toUnset] = await mailsTo(unset.email);
    expect(String(toUnset?.attachments?.[0]?.content)).not.toContain("X-WR-TIMEZONE");
  });

  test("reminders and the personal calendar feed follow the saved zone too", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { timeZone: "Europe/Paris" }, 30);
    const person = await reader("Asia/Bishkek");
    await services.events.register(person, event.id);
    await mailsTo(person.email);
    clock.advance(7 * 60 * 60 * 1000);
    expect(await services.events.sendDueReminders()).toBeGreaterThan(0);
    clock.advance(-7 * 60 * 60 * 1000);
    const reminder = (await mailsTo(person.email)).find((m) => m.subject.startsWith("Напоминание"));
    const bishkekTime = new Intl.DateTimeFormat("ru", { timeZone: "Asia/Bishkek", hour: "2-digit", minute: "2-digit" }).format(
      new Date(event.startsAt),
    );
    expect(reminder?.text).toContain(`${bishkekTime} (Asia/Bishkek) — `);

    const feed = await services.events.calendarFeed(await services.events.calendarToken(person));
    expect(feed).toContain("X-WR-TIMEZONE:Asia/Bishkek\r\n");
  });
});
