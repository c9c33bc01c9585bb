import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEvent, eventInput } from "../../../tests/factories/events.ts";
import { centreStaffOf, createCentre, createOrganisation, learner, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { Actor } from "../shared/actor.ts";
import { isDomainError } from "../shared/errors.ts";
import { registrationRow } from "./dto.ts";

let runtime: TestRuntime;
let centreId: string;
let otherCentreId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services, { country: "KG", name: "Events Test Centre KG" })).id;
  otherCentreId = (await createCentre(runtime.services, { country: "GH", name: "Events Test Centre GH" })).id;
});

afterAll(async () => {
  await runtime?.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, status: error.status, fields: error.fields.map((f) => f.path) };
    throw error;
  }
  throw new Error("expected a domain error");
}

/** The mail sent so far, once owed notices are queued and the outbox has sent what is due. */
async function sentMail() {
  await runtime.services.events.noticesDelivered();
  await runtime.deliverMail();
  return runtime.mailer.sent;
}

const people = (n: number, locale: "en" | "ru" = "en") =>
  Promise.all(Array.from({ length: n }, () => createSignedInUser(runtime.services, { locale })));

describe("creating and editing events", () => {
  test("centre staff and global staff create; others are refused", async () => {
    const { services, clock } = runtime;
    const staff = centreStaffOf(centreId);
    const event = await services.events.createEvent(staff, eventInput(centreId, clock.now), "en");
    expect(event.canManage).toBe(true);
    expect(event.checkInCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(await failure(services.events.createEvent(centreStaffOf(otherCentreId), eventInput(centreId, clock.now), "en"))).toMatchObject({
      status: 403,
    });
    expect(await failure(services.events.createEvent(learner(), eventInput(centreId, clock.now), "en"))).toMatchObject({ status: 403 });
    expect(await failure(services.events.createEvent(null, eventInput(centreId, clock.now), "en"))).toMatchObject({ status: 401 });
    expect(await failure(services.events.updateEvent(learner(), event.id, { capacity: 3 }, "en"))).toMatchObject({ status: 403 });
  });

  test("wall-clock times are read in the organiser's zone and stored in UTC", async () => {
    const { services, clock } = runtime;
    const event = await services.events.createEvent(
      secretariat(),
      eventInput(centreId, clock.now, { startsAt: "2031-11-26T14:00", endsAt: "2031-11-26T16:00", timeZone: "Asia/Bishkek" }),
      "en",
    );
    expect(event.startsAt).toBe("2031-11-26T08:00:00.000Z");
    expect(event.endsAt).toBe("2031-11-26T10:00:00.000Z");
    expect(event.timeZone).toBe("Asia/Bishkek");
    const moved = await services.events.updateEvent(
      secretariat(),
      event.id,
      {
        startsAt: "2031-11-26T15:00",
        endsAt: "2031-11-26T17:00",
        timeZone: "Europe/Belgrade",
      },
      "en",
    );
    expect([moved.startsAt, moved.endsAt]).toEqual(["2031-11-26T14:00:00.000Z", "2031-11-26T16:00:00.000Z"]);
  });

  test("bad input is refused with field messages and nothing is written", async () => {
    const { services, clock } = runtime;
    const before = (await services.events.listEvents({ limit: 100 }, "en")).total;
    const bad = [
      eventInput(centreId, clock.now, { timeZone: "Mars/Olympus" }),
      eventInput(centreId, clock.now, { endsAt: new Date(clock.now.getTime() - HOUR).toISOString() }),
      eventInput(centreId, clock.now, { mode: "on_site", joinUrl: undefined }),
      eventInput(centreId, clock.now, { facilityId: crypto.randomUUID(), mode: "hybrid" }),
      eventInput(crypto.randomUUID(), clock.now),
    ];
    const fields = [];
    for (const input of bad) fields.push((await failure(services.events.createEvent(secretariat(), input, "en"))).fields[0]);
    expect(fields).toEqual(["timeZone", "endsAt", "venue", "facilityId", "centreId"]);
    expect((await services.events.listEvents({ limit: 100 }, "en")).total).toBe(before);
  });

  test("texts in the reader's language when ready, else the default with shownLocale", async () => {
    const { services, clock } = runtime;
    const event = await services.events.createEvent(
      secretariat(),
      eventInput(centreId, clock.now, {
        defaultLocale: "ru",
        title: "Семинар по платформе",
        translations: { en: { title: "Platform workshop", status: "ready" }, fr: { title: "Atelier brouillon", status: "draft" } },
      }),
      "en",
    );
    expect((await services.events.getEvent(event.slug, "en")).title).toBe("Platform workshop");
    const fr = await services.events.getEvent(event.id, "fr");
    expect(fr).toMatchObject({ title: "Семинар по платформе", shownLocale: "ru" });
    expect(fr.translations.map((t) => `${t.locale}:${t.status}`)).toEqual(["en:ready", "fr:draft", "ru:ready"]);
  });
});

describe("registration", () => {
  test("capacity, waiting list in order, promotion when someone cancels, with emails", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 2 });
    const [a, b, c, d] = (await people(4)) as [Actor, Actor, Actor, Actor];
    const results = [];
    for (const person of [a, b, c, d]) results.push(await services.events.register(person, event.id));
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["registered", null],
      ["registered", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    const toC = (await sentMail()).filter((m) => m.to === c.email);
    expect(toC.map((m) => m.subject)).toEqual([expect.stringContaining("Waiting list")]);
    expect(toC[0]?.text).toContain("You are number 1 on the waiting list");
    expect(toC[0]?.attachments).toBeUndefined();
    expect(runtime.mailer.sent.find((m) => m.to === d.email)?.text).toContain("You are number 2 on the waiting list");
    const toA = runtime.mailer.sent.find((m) => m.to === a.email)!;
    expect(toA.attachments?.[0]?.filename).toMatch(/\.ics$/);
    expect(String(toA.attachments?.[0]?.content)).toContain(`UID:${event.id}@orbis\r\n`);

    await services.events.cancelRegistration(a, event.id);
    expect((await services.events.getEvent(event.id, "en", c)).myRegistration).toMatchObject({ status: "registered" });
    expect((await services.events.getEvent(event.id, "en", d)).myRegistration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    const promotion = (await sentMail()).filter((m) => m.to === c.email).at(-1)!;
    expect(promotion.subject).toContain("A place is yours");
    expect(promotion.attachments?.[0]?.contentType).toContain("text/calendar");

    // A waitlisted person who leaves frees nothing; the queue closes up.
    await services.events.cancelRegistration(d, event.id);
    const summary = await services.events.getEvent(event.id, "en");
    expect([summary.registeredCount, summary.waitlistCount]).toEqual([2, 0]);
    // Coming back puts them at the back of the queue.
    expect(await services.events.register(d, event.id)).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
  });

  test("a place given up or added goes to the next to ask: the count registration reads follows every change", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 2 });
    const [a, b, c, d, e] = (await people(5)) as [Actor, Actor, Actor, Actor, Actor];
    await services.events.register(a, event.id);
    await services.events.register(b, event.id);
    await services.events.cancelRegistration(a, event.id);
    expect(await services.events.register(c, event.id)).toMatchObject({ status: "registered" });
    expect(await services.events.register(a, event.id)).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    await services.events.updateEvent(secretariat(), event.id, { capacity: 4 }, "en");
    expect((await services.events.getEvent(event.id, "en", a)).myRegistration).toMatchObject({ status: "registered" });
    expect(await services.events.register(d, event.id)).toMatchObject({ status: "registered" });
    expect(await services.events.register(e, event.id)).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    const summary = await services.events.getEvent(event.id, "en");
    expect([summary.registeredCount, summary.waitlistCount]).toEqual([4, 1]);
  });

  test("twice, outside the window, cancelled, forged ids: translated 4xx and nothing changes", async () => {
    const { services, clock } = runtime;
    const [person] = (await people(1, "ru")) as [Actor];
    const event = await createEvent(services, centreId, clock.now);
    await services.events.register(person, event.id);
    expect(await failure(services.events.register(person, event.id))).toMatchObject({ code: "already_registered", status: 409 });

    const later = await createEvent(services, centreId, clock.now, {
      registrationOpensAt: new Date(clock.now.getTime() + 24 * HOUR).toISOString(),
    });
    expect(await failure(services.events.register(person, later.id))).toMatchObject({ code: "registration_closed", status: 409 });
    const started = await createEvent(services, centreId, clock.now, {}, -1);
    expect(await failure(services.events.register(person, started.id))).toMatchObject({ code: "registration_closed" });

    const cancelled = await createEvent(services, centreId, clock.now);
    await services.events.updateEvent(secretariat(), cancelled.id, { status: "cancelled" }, "en");
    expect(await failure(services.events.register(person, cancelled.id))).toMatchObject({ code: "event_cancelled", status: 409 });
    expect(await failure(services.events.updateEvent(secretariat(), cancelled.id, { status: "scheduled" }, "en"))).toMatchObject({
      fields: ["status"],
    });

    expect(await failure(services.events.register(person, crypto.randomUUID()))).toMatchObject({ status: 404 });
    expect(await failure(services.events.register(person, "no such event!"))).toMatchObject({ status: 400 });
    expect(await failure(services.events.cancelRegistration(person, later.id))).toMatchObject({ status: 404 });
    for (const id of [event.id, later.id, started.id, cancelled.id]) {
      const e = await services.events.getEvent(id, "en");
      expect(e.registeredCount + e.waitlistCount).toBe(id === event.id ? 1 : 0);
    }
  });

  test("a place cannot be given up once the event has started, unless the event was cancelled", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 1 }, 1);
    const called = await createEvent(services, centreId, clock.now, {}, 1);
    const [person, waiting] = (await people(2)) as [Actor, Actor];
    await services.events.register(person, event.id);
    await services.events.register(waiting, event.id);
    await services.events.register(person, called.id);
    await services.events.updateEvent(secretariat(), called.id, { status: "cancelled" }, "en");
    clock.advance(HOUR + 60_000);
    try {
      expect(await failure(services.events.cancelRegistration(person, event.id))).toMatchObject({
        code: "registration_closed",
        status: 409,
      });
      expect(await failure(services.events.cancelRegistration(waiting, event.id))).toMatchObject({ code: "registration_closed" });
      expect((await services.events.getEvent(event.id, "en", person)).myRegistration).toMatchObject({ status: "registered" });
      expect((await services.events.getEvent(event.id, "en", waiting)).myRegistration).toMatchObject({ status: "waitlisted" });
      // Nothing is left to hold a place at: a cancelled event lets go whenever asked.
      expect(await services.events.cancelRegistration(person, called.id)).toMatchObject({ status: "cancelled" });
    } finally {
      clock.advance(-(HOUR + 60_000));
    }
  });

  test("cancelling an event tells everyone registered or waiting", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 1 });
    const [a, b] = (await people(2)) as [Actor, Actor];
    await services.events.register(a, event.id);
    await services.events.register(b, event.id);
    // Their first notices go before; one still owed when the event is cancelled would give way to the cancellation.
    await sentMail();
    await services.events.updateEvent(centreStaffOf(centreId), event.id, { status: "cancelled" }, "en");
    const sent = await sentMail();
    for (const person of [a, b]) {
      expect(sent.filter((m) => m.to === person.email).map((m) => m.subject)).toEqual([
        expect.stringContaining(person === a ? "You are registered" : "Waiting list"),
        expect.stringContaining("Cancelled"),
      ]);
    }
  });

  test("the join link is only for registered participants and staff", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 1 });
    const [a, b] = (await people(2)) as [Actor, Actor];
    expect((await services.events.getEvent(event.id, "en")).joinUrl).toBeNull();
    await services.events.register(a, event.id);
    await services.events.register(b, event.id);
    expect((await services.events.getEvent(event.id, "en", a)).joinUrl).toBe("https://meet.example.org/test");
    expect((await services.events.getEvent(event.id, "en", b)).joinUrl).toBeNull();
    expect((await services.events.getEvent(event.id, "en", centreStaffOf(centreId))).joinUrl).toBe("https://meet.example.org/test");
    expect((await services.events.eventIcs(event.id, "en", b)).body).not.toContain("meet.example.org");
    expect((await services.events.eventIcs(event.id, "en", a)).body).toContain("meet.example.org");
  });
});

describe("check-in, reminders, reports, feeds", () => {
  test("participants check in with the code around the event; staff by registration", async () => {
    const { services, clock } = runtime;
    const event = await createEvent(services, centreId, clock.now, { capacity: 2 }, 1);
    const [a, b, c] = (await people(3)) as [Actor, Actor, Actor];
    const ra = await services.events.register(a, event.id);
    const rb = await services.events.register(b, event.id);
    const rc = await services.events.register(c, event.id);
    const code = (await services.events.getEvent(event.id, "en", secretariat())).checkInCode!;
    expect(await failure(services.events.checkIn(a, event.id, { code: "ZZZZZZ" }))).toMatchObject({ status: 400, fields: ["code"] });
    expect(await services.events.checkIn(a, event.id, { code: code.toLowerCase() })).toMatchObject({ attendedAt: clock.now.toISOString() });
    // Waiting, so not confirmed: no attendance to record.
    expect(await failure(services.events.checkIn(c, event.id, { code }))).toMatchObject({ status: 400, fields: ["registrationId"] });
    expect(await failure(services.events.checkIn(a, event.id, { registrationId: rb.id }))).toMatchObject({ status: 403 });
    expect(await services.events.checkIn(centreStaffOf(centreId), event.id, { registrationId: rb.id })).toMatchObject({
      status: "registered",
    });
    expect(await failure(services.events.checkIn(secretariat(), event.id, { registrationId: crypto.randomUUID() }))).toMatchObject({
      status: 404,
    });
    expect(rc.status).toBe("waitlisted");
    const list = await services.events.listRegistrations(secretariat(), event.id, {}, "en");
    expect(list.items.map((r) => [r.id, r.checkInMethod])).toEqual([
      [ra.id, "code"],
      [rb.id, "staff"],
      [rc.id, null],
    ]);
    const found = await services.events.listRegistrations(secretariat(), event.id, { q: b.name }, "en");
    expect(found.items.map((r) => r.id)).toEqual([rb.id]);

    const far = await createEvent(services, centreId, clock.now, {}, 48);
    await services.events.register(a, far.id);
    const farCode = (await services.events.getEvent(far.id, "en", secretariat())).checkInCode!;
    expect(await failure(services.events.checkIn(a, far.id, { code: farCode }))).toMatchObject({ fields: ["code"] });
  });

  test("a participant checks in with the code until two hours after the end, not later", async () => {
    const { services, clock } = runtime;
    // Two hours long, starting in an hour: it ends three hours from now.
    const event = await createEvent(services, centreId, clock.now, {}, 1);
    const [late, tooLate] = (await people(2)) as [Actor, Actor];
    await services.events.register(late, event.id);
    await services.events.register(tooLate, event.id);
    const code = (await services.events.getEvent(event.id, "en", secretariat())).checkInCode!;
    const shift = 3 * HOUR + 2 * HOUR;
    clock.advance(shift);
    try {
      expect(await services.events.checkIn(late, event.id, { code })).toMatchObject({ attendedAt: clock.now.toISOString() });
      clock.advance(1);
      expect(await failure(services.events.checkIn(tooLate, event.id, { code }))).toMatchObject({ status: 400, fields: ["code"] });
      expect((await services.events.getEvent(event.id, "en", tooLate)).myRegistration?.attendedAt).toBeNull();
      // Staff may still record attendance afterwards.
      const [row] = (await services.events.listRegistrations(secretariat(), event.id, { q: tooLate.name }, "en")).items;
      expect(await services.events.checkIn(centreStaffOf(centreId), event.id, { registrationId: row!.id })).toMatchObject({
        attendedAt: clock.now.toISOString(),
      });
    } finally {
      clock.advance(-shift - 1);
    }
  });

  test("reminders go once, a day before, whichever process claims them", async () => {
    const { services, clock } = runtime;
    await services.events.runMailJobs();
    const event = await createEvent(services, centreId, clock.now, {}, 30);
    const [a, b] = (await people(2)) as [Actor, Actor];
    await services.events.register(a, event.id);
    await services.events.register(b, event.id);
    // Their confirmations first: a row the notice drain holds is skipped by the reminder job.
    await services.events.noticesDelivered();
    expect(await services.events.sendDueReminders()).toBe(0);
    clock.advance(7 * HOUR);
    try {
      const [first, second] = await Promise.all([services.events.sendDueReminders(), services.events.sendDueReminders()]);
      expect(first + second).toBe(2);
      expect(await services.events.sendDueReminders()).toBe(0);
      const sent = await sentMail();
      for (const person of [a, b]) {
        expect(sent.filter((m) => m.to === person.email).map((m) => m.subject)).toEqual([
          expect.stringContaining("You are registered"),
          expect.stringContaining("Reminder"),
        ]);
      }
    } finally {
      clock.advance(-7 * HOUR);
    }
  });

  test("the report counts by institution (unaffiliated when none) and country", async () => {
    const { services, clock } = runtime;
    const university = await createOrganisation(services, { name: "Events Report University", country: "KG" });
    const event = await createEvent(services, centreId, clock.now, { capacity: 2 }, 1);
    const [a, b, c] = (await people(3)) as [Actor, Actor, Actor];
    await services.events.register(a, event.id, { organisationId: university.id });
    await services.events.register(b, event.id, { country: "GH" });
    await services.events.register(c, event.id, { organisationId: university.id });
    const code = (await services.events.getEvent(event.id, "en", secretariat())).checkInCode!;
    await services.events.checkIn(a, event.id, { code });
    const report = await services.events.report(centreStaffOf(centreId), event.id, "en");
    expect(report).toMatchObject({ registered: 2, waitlisted: 1, attended: 1, cancelled: 0 });
    expect(report.byInstitution.map((b) => [b.label, b.registered, b.waitlisted, b.attended])).toEqual([
      ["Events Report University", 1, 1, 1],
      ["Unaffiliated", 1, 0, 0],
    ]);
    expect(report.byCountry.map((b) => [b.key, b.registered + b.waitlisted])).toEqual([
      ["KG", 2],
      ["GH", 1],
    ]);
    expect(await failure(services.events.report(learner(), event.id, "en"))).toMatchObject({ status: 403 });
    expect(await failure(services.events.register(a, event.id, { organisationId: crypto.randomUUID() }))).toMatchObject({
      fields: ["organisationId"],
    });

    // The participant files get rows of the documented shape, nothing more (no database row).
    const rows = await services.events.participants(centreStaffOf(centreId), event.id, "en");
    expect(
      registrationRow
        .strict()
        .array()
        .parse(rows)
        .map((r) => [r.name, r.institution?.name ?? null, r.country, r.status]),
    ).toEqual([
      [a.name, "Events Report University", "KG", "registered"],
      [b.name, null, "GH", "registered"],
      [c.name, "Events Report University", "KG", "waitlisted"],
    ]);
    expect(await failure(services.events.participants(learner(), event.id, "en"))).toMatchObject({ status: 403 });
  });

  test("a personal calendar feed at a secret address, which can be replaced", async () => {
    const { services, clock } = runtime;
    const [person] = (await people(1)) as [Actor];
    const event = await createEvent(services, centreId, clock.now);
    await services.events.register(person, event.id);
    const token = await services.events.calendarToken(person);
    expect(await services.events.calendarToken(person)).toBe(token);
    const feed = await services.events.calendarFeed(token);
    expect(feed).toContain(`UID:${event.id}@orbis\r\n`);
    expect(feed).toContain("meet.example.org");
    const fresh = await services.events.regenerateCalendarToken(person);
    expect(fresh).not.toBe(token);
    expect(await failure(services.events.calendarFeed(token))).toMatchObject({ status: 404 });
    expect((await services.events.myEvents(person, "en")).map((m) => m.event.id)).toEqual([event.id]);
  });
});

describe("figures for the home page", () => {
  // A database of its own: the figures count every event and check-in, so other tests' would change them.
  let own: TestRuntime;
  beforeAll(async () => {
    own = await createTestRuntime();
  });
  afterAll(async () => {
    await own?.close();
  });

  test("events held count scheduled events that have ended; educators reached count each person who attended once", async () => {
    const { services, clock } = own;
    expect(await services.events.figures()).toEqual({ eventsHeld: 0, educatorsReached: 0 });
    const centre = (await createCentre(services, { country: "KG" })).id;
    const [first, second, cancelled, later] = [
      await createEvent(services, centre, clock.now, {}, 1),
      await createEvent(services, centre, clock.now, {}, 1),
      await createEvent(services, centre, clock.now, {}, 1),
      await createEvent(services, centre, clock.now, {}, 24),
    ];
    const [twice, once, absent] = await Promise.all([1, 2, 3].map(() => createSignedInUser(services)));
    for (const [person, event] of [
      [twice, first],
      [twice, second],
      [once, first],
      [absent, first],
      [once, later],
    ] as const) {
      await services.events.register(person!, event.id);
    }
    const staff = centreStaffOf(centre);
    const check = async (person: Actor, eventId: string) => {
      const [row] = (await services.events.listRegistrations(staff, eventId, { q: person.email }, "en")).items;
      await services.events.checkIn(staff, eventId, { registrationId: row!.id });
    };
    await check(twice!, first.id);
    await check(twice!, second.id);
    await check(once!, first.id);
    await services.events.updateEvent(staff, cancelled.id, { status: "cancelled" }, "en");
    // Attended, but not held yet: nothing has ended.
    expect(await services.events.figures()).toEqual({ eventsHeld: 0, educatorsReached: 2 });

    clock.advance(3 * HOUR);
    try {
      // The first two have ended; the cancelled one never counts, the later one has not ended.
      expect(await services.events.figures()).toEqual({ eventsHeld: 2, educatorsReached: 2 });
    } finally {
      clock.advance(-3 * HOUR);
    }
  });
});
