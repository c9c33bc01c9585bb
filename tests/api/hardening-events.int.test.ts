import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_CODE_GUESSES_PER_CLIENT, MAX_CODE_GUESSES_PER_PERSON } from "../../src/domain/events/check-in-limits.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { eventInput } from "../factories/events.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services, { slug: "hardening-events", name: "Hardening Events Centre", country: "KG" })).id;
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `hardening-events-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Events hardening tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "hardening-events" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "hardening" });
  return { authorization: `Bearer ${token}` };
}

const staff = () => bearer({ role: "centre_staff", organisationId: centreId });

async function newEvent(startsInHours = 72) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/events",
    headers: await staff(),
    payload: eventInput(centreId, runtime.clock.now, {}, startsInHours),
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; slug: string; checkInCode: string };
}

describe("event times that do not exist", () => {
  const impossible = [
    ["0000-01-01T00:00:00Z", "Укажите год от 2000 до 2100."],
    ["9999-99-99T99:99", "Укажите дату и время, например 2026-03-14T10:00."],
    ["2027-02-31T25:61", "Укажите дату и время, например 2026-03-14T10:00."],
    ["2027-02-29T10:00", "Укажите дату и время, например 2026-03-14T10:00."],
    ["2027-01-01T10:00+25:00", "Укажите дату и время, например 2026-03-14T10:00."],
    ["9999-12-31T23:59:59Z", "Укажите год от 2000 до 2100."],
  ] as const;

  test("creating or moving an event with one is a translated 400, never a 500 or a rolled-over date", async () => {
    const headers = await staff();
    const event = await newEvent();
    for (const [time, message] of impossible) {
      const created = await app.inject({
        method: "POST",
        url: "/api/v1/events?lang=ru",
        headers,
        payload: { ...eventInput(centreId, runtime.clock.now), startsAt: time },
      });
      expect(created.statusCode, time).toBe(400);
      expect(created.json().error.fields[0], time).toMatchObject({ path: "startsAt", message });
      const moved = await app.inject({
        method: "PATCH",
        url: `/api/v1/events/${event.id}?lang=ru`,
        headers,
        payload: { endsAt: time },
      });
      expect(moved.statusCode, time).toBe(400);
      expect(moved.json().error.fields[0], time).toMatchObject({ path: "endsAt", message });
    }
    const leap = await app.inject({
      method: "PATCH",
      url: `/api/v1/events/${event.id}`,
      headers,
      payload: { registrationClosesAt: "2028-02-29T10:00" },
    });
    expect(leap.statusCode).not.toBe(500);
  });

  test("the calendar's date filters refuse years no event has", async () => {
    for (const from of ["0000-01-01", "9999-12-31T00:00:00Z"]) {
      const response = await app.inject({ method: "GET", url: `/api/v1/events?from=${from}&lang=zh` });
      expect(response.statusCode, from).toBe(400);
      expect(response.json().error.fields[0].message).toBe("请使用 2000 年至 2100 年之间的年份。");
    }
  });

  test("a title or venue with a line break is refused, so no calendar file can carry one", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/events?lang=ar",
      headers: await staff(),
      payload: { ...eventInput(centreId, runtime.clock.now), title: "Workshop\r\nEND:VEVENT\r\nBEGIN:VEVENT" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({
      path: "title",
      message: "اكتب هذا في سطر واحد، دون فواصل أسطر أو علامات جدولة أو أحرف تحكم.",
    });
  });
});

describe("check-in codes", () => {
  const checkIn = (eventId: string, headers: Record<string, string>, code: string, remoteAddress = "203.0.113.9") =>
    app.inject({ method: "POST", url: `/api/v1/events/${eventId}/check-ins`, headers, payload: { code }, remoteAddress });

  test("outside the event's time no code is compared: a right and a wrong code get the same answer", async () => {
    const event = await newEvent(72);
    const participant = await bearer();
    await app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: participant });
    const wrong = await checkIn(event.id, participant, event.checkInCode === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ");
    const right = await checkIn(event.id, participant, event.checkInCode);
    expect([wrong.statusCode, right.statusCode]).toEqual([400, 400]);
    expect(wrong.json()).toEqual(right.json());
  });

  test("a burst of guesses by one person is cut off at the limit, the right code included, without locking out others", async () => {
    const event = await newEvent(1);
    const guesser = await bearer();
    const other = await bearer();
    for (const who of [guesser, other]) await app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: who });
    const wrongCode = (i: number) => {
      const code = i.toString(36).toUpperCase().padStart(6, "Q");
      return code === event.checkInCode ? "QQQQQ2" : code;
    };
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => checkIn(event.id, guesser, wrongCode(i), "198.51.100.1")));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 400)).toHaveLength(MAX_CODE_GUESSES_PER_PERSON);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - MAX_CODE_GUESSES_PER_PERSON);
    // Now even the right code is refused for the guesser, from any address...
    expect((await checkIn(event.id, guesser, event.checkInCode, "198.51.100.2")).statusCode).toBe(429);
    // ...while the next person, elsewhere, checks in.
    const ok = await checkIn(event.id, other, event.checkInCode, "198.51.100.3");
    expect(ok.statusCode).toBe(200);
    expect(ok.json().attendedAt).not.toBeNull();
  });

  test("guesses from one client address across many accounts are limited too; right codes do not count", async () => {
    const event = await newEvent(1);
    const people = await Promise.all(Array.from({ length: 5 }, () => bearer()));
    for (const who of people) await app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: who });
    const address = "192.0.2.77";
    // Honest people in one room behind one address: right codes, as many as come.
    for (const who of people.slice(0, 2)) expect((await checkIn(event.id, who, event.checkInCode, address)).statusCode).toBe(200);
    let refused = 0;
    for (let i = 0; i < MAX_CODE_GUESSES_PER_CLIENT + 5; i++) {
      const who = people[2 + (i % 3)]!;
      const answer = await checkIn(event.id, who, `${"W".repeat(5)}${(i % 9) + 1}`, address);
      if (answer.statusCode === 429) refused++;
    }
    expect(refused).toBeGreaterThanOrEqual(5);
    const limited = await checkIn(event.id, people[2]!, event.checkInCode, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toContain("application/json");
    expect(limited.json().error.code).toBe("rate_limited");
  });
});
