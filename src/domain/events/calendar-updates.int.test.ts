import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEvent } from "../../../tests/factories/events.ts";
import { createCentre, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { MailMessage } from "../../infra/mailer.ts";
import { isDomainError } from "../shared/errors.ts";
import { events } from "./schema.ts";

let runtime: TestRuntime;
let centreId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services, { country: "KG", name: "Calendar Updates Centre" })).id;
});

afterAll(async () => {
  await runtime?.close();
});

/** The mail sent since the last call, once owed notices are queued and the outbox has sent them. */
let seen = 0;
async function newMail(): Promise<MailMessage[]> {
  await runtime.services.events.noticesDelivered();
  await runtime.deliverMail();
  const fresh = runtime.mailer.sent.slice(seen);
  seen = runtime.mailer.sent.length;
  return fresh;
}

const ics = (mail: MailMessage | undefined) => String(mail?.attachments?.[0]?.content ?? "").replace(/\r\n /g, "");
const sequenceOf = async (id: string) =>
  (await runtime.database.db.select({ s: events.sequence }).from(events).where(eq(events.id, id)))[0]!.s;

describe("calendar updates reach the events people imported", () => {
  test("a new time or place mails a REQUEST with a raised SEQUENCE; leaving and cancelling mail a CANCEL", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 2 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createSignedInUser(services, { locale: "ru" })));
    for (const person of [a!, b!, c!]) await services.events.register(person, event.id);
    const first = await newMail();
    expect(ics(first.find((m) => m.to === a!.email))).toContain("METHOD:REQUEST\r\n");
    expect(ics(first.find((m) => m.to === a!.email))).toContain("SEQUENCE:0\r\n");
    expect(ics(first.find((m) => m.to === a!.email))).toMatch(/ORGANIZER;CN="[^"]+":mailto:/);

    // A new title alone changes nobody's calendar entry in a way worth a mail.
    await services.events.updateEvent(secretariat(), event.id, { title: "Renamed workshop" }, "en");
    expect(await newMail()).toEqual([]);
    expect(await sequenceOf(event.id)).toBe(0);

    const later = new Date(clock.now.getTime() + 96 * HOUR);
    await services.events.updateEvent(
      secretariat(),
      event.id,
      { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 2 * HOUR).toISOString() },
      "en",
    );
    const moved = await newMail();
    // The two holding a place; not the person waiting, who has nothing in their calendar.
    expect(moved.map((m) => m.to).sort()).toEqual([a!.email, b!.email].sort());
    expect(moved[0]!.subject).toContain("Изменено");
    expect(moved[0]!.attachments?.[0]?.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(ics(moved[0])).toContain("SEQUENCE:1\r\n");
    expect(ics(moved[0])).toContain(`DTSTART:${later.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`);
    expect(await sequenceOf(event.id)).toBe(1);

    await services.events.updateEvent(secretariat(), event.id, { mode: "on_site", venue: "Room 12" }, "en");
    expect(ics((await newMail())[0])).toContain("SEQUENCE:2\r\n");

    // Giving up one's own place removes it from one's calendar; the person waiting is promoted.
    await services.events.cancelRegistration(a!, event.id);
    const left = await newMail();
    const toA = left.find((m) => m.to === a!.email)!;
    expect(toA.subject).toContain("Регистрация отменена");
    expect(ics(toA)).toContain("METHOD:CANCEL\r\n");
    expect(ics(toA)).toContain(`ATTENDEE;CN="${a!.name}"`);
    expect(left.find((m) => m.to === c!.email)?.subject).toBeDefined();

    await services.events.updateEvent(secretariat(), event.id, { status: "cancelled" }, "en");
    const cancelled = await newMail();
    expect(cancelled.map((m) => m.to).sort()).toEqual([b!.email, c!.email].sort());
    for (const mail of cancelled) {
      expect(mail.attachments?.[0]?.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
      expect(ics(mail)).toContain("METHOD:CANCEL\r\n");
      expect(ics(mail)).toContain("SEQUENCE:3\r\n");
      expect(ics(mail)).toContain("STATUS:CANCELLED\r\n");
    }
  });

  test("a title with a line break is refused before it reaches any calendar", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now);
    for (const title of ["Workshop\r\nEND:VEVENT", "Workshop\nBEGIN:VEVENT", "Tab\there"]) {
      const error = await services.events.updateEvent(secretariat(), event.id, { title }, "en").catch((e: unknown) => e);
      expect(isDomainError(error) && error.fields[0]).toMatchObject({ path: "title", messageId: "input.singleLine" });
    }
    const error = await services.events.updateEvent(secretariat(), event.id, { venue: "Hall\r\nX-A:1" }, "en").catch((e: unknown) => e);
    expect(isDomainError(error) && error.status).toBe(400);
  });
});
