import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiTokens, users } from "../../src/db/schema.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { eventInput } from "../factories/events.ts";
import { createCentre, createOrganisation } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services, { slug: "api-events-kg", name: "Api Events Centre", country: "KG" })).id;
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

/** A Bearer header for a new account holding the given roles (learner when none). */
async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `api-events-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Events API tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "events-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "events tests" });
  return { authorization: `Bearer ${token}` };
}

/** Many accounts at once, written directly: hashing a password for each would dominate the test. */
async function manyBearers(n: number): Promise<{ authorization: string }[]> {
  const { db } = runtime.database;
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `burst-${i}-${crypto.randomUUID()}@orbis.test`,
        name: `Burst ${i}`,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  const tokens = rows.map(() => `orbis_${crypto.randomBytes(32).toString("base64url")}`);
  await db.insert(apiTokens).values(
    rows.map((row, i) => ({
      userId: row.id,
      name: "burst",
      tokenHash: crypto.createHash("sha256").update(tokens[i]!).digest("hex"),
      expiresAt: new Date("2100-01-01T00:00:00Z"),
    })),
  );
  return tokens.map((token) => ({ authorization: `Bearer ${token}` }));
}

const staff = () => bearer({ role: "centre_staff", organisationId: centreId });

async function newEvent(overrides: Record<string, unknown> = {}, startsInHours = 72) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/events",
    headers: await staff(),
    payload: { ...eventInput(centreId, runtime.clock.now, {}, startsInHours), ...overrides },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; slug: string; checkInCode: string };
}

describe("events API", () => {
  test("staff create and edit; others are refused with translated errors", async () => {
    const input = eventInput(centreId, runtime.clock.now, { startsAt: "2031-11-26T14:00", endsAt: "2031-11-26T16:00" });
    const anonymous = await app.inject({ method: "POST", url: "/api/v1/events", payload: input });
    expect(anonymous.statusCode).toBe(401);
    const learner = await app.inject({ method: "POST", url: "/api/v1/events", headers: await bearer(), payload: input });
    expect(learner.statusCode).toBe(403);
    const created = await app.inject({ method: "POST", url: "/api/v1/events", headers: await staff(), payload: input });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ startsAt: "2031-11-26T08:00:00.000Z", timeZone: "Asia/Bishkek", canManage: true });

    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/events?lang=fr",
      headers: await staff(),
      payload: { ...input, timeZone: "Mars/Olympus", unknown: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("Certains champs ne sont pas valides. Corrigez-les et réessayez.");
    const badZone = await app.inject({
      method: "POST",
      url: "/api/v1/events?lang=ru",
      headers: await staff(),
      payload: { ...input, timeZone: "Mars/Olympus" },
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.fields[0]).toMatchObject({ path: "timeZone", message: "Выберите часовой пояс, например Asia/Bishkek." });

    const patched = await app.inject({
      method: "PATCH",
      url: `/api/v1/events/${created.json().id}`,
      headers: await staff(),
      payload: { capacity: 10, title: "Renamed workshop" },
    });
    expect(patched.json()).toMatchObject({ capacity: 10, title: "Renamed workshop" });
  });

  test("the list is paginated and filtered; one event by id or slug", async () => {
    const event = await newEvent({ kind: "policy_dialogue", languages: ["ru"], interpretationLanguages: ["ky"] });
    const all = await app.inject({ method: "GET", url: "/api/v1/events?limit=1" });
    expect(all.json()).toMatchObject({ limit: 1, offset: 0 });
    expect(all.json().items).toHaveLength(1);
    const filtered = (
      await app.inject({ method: "GET", url: "/api/v1/events?kind=policy_dialogue&language=ky&centre=api-events-kg" })
    ).json();
    expect(filtered.items.map((e: { id: string }) => e.id)).toEqual([event.id]);
    const from = new Date(runtime.clock.now.getTime() + 71 * HOUR).toISOString();
    const to = new Date(runtime.clock.now.getTime() + 73 * HOUR).toISOString();
    const window = (await app.inject({ method: "GET", url: `/api/v1/events?from=${from}&to=${to}&kind=policy_dialogue` })).json();
    expect(window.total).toBe(1);
    expect((await app.inject({ method: "GET", url: `/api/v1/events/${event.slug}` })).json()).toMatchObject({
      id: event.id,
      joinUrl: null,
    });
    expect((await app.inject({ method: "GET", url: `/api/v1/events/${crypto.randomUUID()}` })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/v1/events?kind=party" })).statusCode).toBe(400);
  });

  test("register, twice, cancel, forged ids; promotion through the API", async () => {
    const event = await newEvent({ capacity: 1 });
    const [first, second] = [await bearer(), await bearer()];
    const url = `/api/v1/events/${event.id}/registration`;
    const one = await app.inject({ method: "POST", url, headers: first });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ status: "registered" });
    const again = await app.inject({ method: "POST", url: `${url}?lang=ru`, headers: first });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_registered", message: expect.stringContaining("уже зарегистрированы") });
    expect((await app.inject({ method: "POST", url, headers: second })).json()).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 1,
    });
    expect((await app.inject({ method: "GET", url: `/api/v1/events/${event.id}`, headers: first })).json().joinUrl).toBe(
      "https://meet.example.org/test",
    );

    const cancelled = await app.inject({ method: "DELETE", url, headers: first });
    expect(cancelled.json()).toMatchObject({ status: "cancelled" });
    const promoted = (await app.inject({ method: "GET", url: `/api/v1/events/${event.id}`, headers: second })).json();
    expect(promoted.myRegistration).toMatchObject({ status: "registered", waitlistPosition: null });

    expect(
      (await app.inject({ method: "POST", url: `/api/v1/events/${crypto.randomUUID()}/registration`, headers: first })).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: "DELETE", url, headers: first })).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url })).statusCode).toBe(401);
    const forgedBody = await app.inject({ method: "POST", url, headers: first, payload: { organisationId: crypto.randomUUID() } });
    expect(forgedBody.statusCode).toBe(400);
  });

  test("check-ins, report as JSON, CSV and XLSX, my events, calendar files and feed", async () => {
    const university = await createOrganisation(runtime.services, { name: '=HYPERLINK("x") University', country: "KG" });
    const event = await newEvent({ capacity: 5 }, 1);
    const participant = await bearer();
    await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.id}/registration`,
      headers: participant,
      payload: { organisationId: university.id },
    });
    const other = await bearer();
    const otherRegistration = (await app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: other })).json();

    const wrong = await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.id}/check-ins`,
      headers: participant,
      payload: { code: "ZZZZZZ" },
    });
    expect(wrong.statusCode).toBe(400);
    const byCode = await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.id}/check-ins`,
      headers: participant,
      payload: { code: event.checkInCode },
    });
    expect(byCode.json().attendedAt).not.toBeNull();
    const notStaff = await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.id}/check-ins`,
      headers: participant,
      payload: { registrationId: otherRegistration.id },
    });
    expect(notStaff.statusCode).toBe(403);
    const byStaff = await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.id}/check-ins`,
      headers: await staff(),
      payload: { registrationId: otherRegistration.id },
    });
    expect(byStaff.json().attendedAt).not.toBeNull();

    const headers = await staff();
    const report = (await app.inject({ method: "GET", url: `/api/v1/events/${event.id}/report`, headers })).json();
    expect(report).toMatchObject({ registered: 2, attended: 2 });
    expect(report.byInstitution.map((b: { key: string }) => b.key).sort()).toEqual([university.slug, "unaffiliated"].sort());
    const csv = await app.inject({ method: "GET", url: `/api/v1/events/${event.id}/report?format=csv`, headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") University"`);
    const xlsx = await app.inject({ method: "GET", url: `/api/v1/events/${event.id}/report?format=xlsx`, headers });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await app.inject({ method: "GET", url: `/api/v1/events/${event.id}/report`, headers: participant })).statusCode).toBe(403);

    const mine = (await app.inject({ method: "GET", url: "/api/v1/me/events", headers: participant })).json();
    expect(mine.items.map((m: { event: { id: string } }) => m.event.id)).toContain(event.id);
    const ics = await app.inject({ method: "GET", url: `/api/v1/events/${event.id}/calendar.ics`, headers: participant });
    expect(ics.headers["content-type"]).toContain("text/calendar");
    expect(ics.body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics.body).toContain("meet.example.org");

    const { url } = (await app.inject({ method: "GET", url: "/api/v1/me/calendar", headers: participant })).json();
    const feed = await app.inject({ method: "GET", url: new URL(url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`UID:${event.id}@orbis\r\n`);
    const replaced = (await app.inject({ method: "POST", url: "/api/v1/me/calendar/token", headers: participant })).json();
    expect(replaced.url).not.toBe(url);
    expect((await app.inject({ method: "GET", url: new URL(url).pathname })).statusCode).toBe(404);
  });
});

/**
 * Many people registering at the same moment: on PostgreSQL 2,000 requests for 400 places, through
 * HTTP so every failure is counted; PGlite (one connection) runs a smaller burst of the same shape.
 */
describe("a registration burst", () => {
  const onPostgres = process.env.ORBIS_TEST_DB === "postgres";
  const people = onPostgres ? 2000 : 200;
  const capacity = onPostgres ? 400 : 40;

  test(`${people} concurrent registrations for ${capacity} places`, { timeout: 180_000 }, async () => {
    const event = await newEvent({ capacity });
    const headers = await manyBearers(people);
    const responses = await Promise.all(
      headers.map((h) => app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: h })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const bodies = responses.map((r) => r.json() as { status: string; waitlistPosition: number | null });
    expect(bodies.filter((b) => b.status === "registered")).toHaveLength(capacity);
    expect(bodies.filter((b) => b.status === "waitlisted")).toHaveLength(people - capacity);

    const summary = (await app.inject({ method: "GET", url: `/api/v1/events/${event.id}` })).json();
    expect([summary.registeredCount, summary.waitlistCount]).toEqual([capacity, people - capacity]);
    const positions = bodies.flatMap((b) => (b.waitlistPosition === null ? [] : [b.waitlistPosition])).sort((a, b) => a - b);
    expect(new Set(positions).size).toBe(people - capacity);
    // A second burst from the same people changes nothing: the database allows one row per person.
    const again = await Promise.all(
      headers.slice(0, 50).map((h) => app.inject({ method: "POST", url: `/api/v1/events/${event.id}/registration`, headers: h })),
    );
    expect(again.every((r) => r.statusCode === 409)).toBe(true);
    const after = (await app.inject({ method: "GET", url: `/api/v1/events/${event.id}` })).json();
    expect(after.registeredCount + after.waitlistCount).toBe(people);
    // Each is owed one mail, sent after the answer: none lost, none twice.
    await runtime.services.events.noticesDelivered();
    await runtime.deliverMail();
    const mailed = runtime.mailer.sent.filter((m) => m.to.startsWith("burst-")).map((m) => m.to);
    expect(new Set(mailed).size).toBe(people);
    expect(mailed).toHaveLength(people);
  });
});
