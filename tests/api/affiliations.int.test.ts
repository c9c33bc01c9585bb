/**
 * The affiliations API: an institution's administrators list the registrations made in its name
 * and confirm or decline them; nobody else sees them or decides. The demo data holds a few waiting.
 */
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createEvent } from "../factories/events.ts";
import { createCentre, createOrganisation } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;

beforeAll(async () => {
  runtime = await createTestRuntime({ demo: true });
  app = await createTestApp(runtime);
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `affiliation-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: `Person ${email.slice(12, 18)}`, password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "affiliation-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "affiliation tests" });
  return { authorization: `Bearer ${token}` };
}

describe("affiliations API", () => {
  test("the demo university has registrations waiting, shown to the secretariat in the reader's language", async () => {
    const secretariat = await bearer({ role: "secretariat", organisationId: null });
    const organisations = (await app.inject({ url: "/api/v1/organisations?kind=university&country=KG&limit=100" })).json().items as {
      slug: string;
    }[];
    let waiting = 0;
    for (const { slug } of organisations) {
      const response = await app.inject({ url: `/api/v1/organisations/${slug}/affiliations?lang=ru`, headers: secretariat });
      expect(response.statusCode, response.body).toBe(200);
      waiting += response.json().items.length;
      for (const item of response.json().items) expect(item.event.title).toBe("Знакомство с русскоязычной платформой IIOE");
    }
    expect(waiting).toBeGreaterThan(0);
  });

  test("the institution's administrator confirms; others are refused and change nothing", async () => {
    const centre = await createCentre(runtime.services);
    const university = await createOrganisation(runtime.services);
    const admin = await bearer({ role: "institution_admin", organisationId: university.id });
    const other = await bearer({ role: "institution_admin", organisationId: (await createOrganisation(runtime.services)).id });
    const event = await createEvent(runtime.services, centre.id, runtime.clock.now);
    const person = await bearer();
    const placed = await app.inject({
      method: "POST",
      url: `/api/v1/events/${event.slug}/registration`,
      headers: person,
      payload: { organisationId: university.id },
    });
    expect(placed.statusCode, placed.body).toBeLessThan(300);
    const list = (headers?: { authorization: string }) =>
      app.inject({ url: `/api/v1/organisations/${university.slug}/affiliations`, ...(headers ? { headers } : {}) });

    expect((await list()).statusCode).toBe(401);
    expect((await list(other)).statusCode).toBe(403);
    expect((await list(person)).statusCode).toBe(403);
    const [item] = (await list(admin)).json().items;
    expect(item).toMatchObject({ id: placed.json().id, event: { slug: event.slug }, status: "registered" });

    const decide = (headers: { authorization: string }, decision: string) =>
      app.inject({ method: "POST", url: `/api/v1/affiliations/${item.id}`, headers, payload: { decision } });
    expect((await decide(other, "confirmed")).statusCode).toBe(404);
    expect((await decide(person, "confirmed")).statusCode).toBe(404);
    expect((await decide(admin, "perhaps")).statusCode).toBe(400);
    expect((await list(admin)).json().items).toHaveLength(1);
    const confirmed = await decide(admin, "confirmed");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ id: item.id, affiliation: "confirmed" });
    expect((await list(admin)).json().items).toEqual([]);
    const report = await app.inject({ url: `/api/v1/organisations/${university.slug}/report`, headers: admin });
    expect(report.json().totals.eventRegistrations).toBe(1);
  });
});
