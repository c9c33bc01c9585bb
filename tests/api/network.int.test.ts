import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import fr from "../../src/i18n/messages/errors/fr.ts";
import ru from "../../src/i18n/messages/errors/ru.ts";
import { createCentre, createOrganisation, secretariat } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  const host = await createOrganisation(runtime.services, { name: "Api Host University", country: "KG" });
  const kg = await createCentre(runtime.services, {
    slug: "api-kyrgyzstan",
    name: "Api Kyrgyzstan Centre",
    names: { ru: "Центр API в Кыргызстане" },
    country: "KG",
    hostOrganisationId: host.id,
    establishedOn: "2025-11",
  });
  await createCentre(runtime.services, { slug: "api-singapore", name: "Api Singapore Training", kind: "training_centre", country: "SG" });
  await createCentre(runtime.services, { slug: "api-ghana", name: "Api Ghana Centre", country: "GH", establishedOn: "2025-07-31" });
  const member = await createOrganisation(runtime.services, { name: "Api Member University", country: "KG" });
  await runtime.services.network.addMember(secretariat(), kg.slug, { organisationId: member.id, joinedOn: "2025-12" }, "en");
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

/** A Bearer header for a new account holding the given roles, through the identity service. */
async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "API tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "network-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "network tests" });
  return { authorization: `Bearer ${token}` };
}

describe("reading the registry", () => {
  test("the centres list is paginated", async () => {
    const response = await get("/api/v1/centres?limit=2");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(body.items).toHaveLength(2);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        "country",
        "establishedOn",
        "host",
        "id",
        "kind",
        "languages",
        "latitude",
        "longitude",
        "memberCount",
        "name",
        "ordinal",
        "slug",
        "status",
        "subregion",
      ].sort(),
    );
    const next = (await get("/api/v1/centres?limit=2&offset=2")).json();
    expect(next.items).toHaveLength(1);
  });

  test("filters narrow the list", async () => {
    const slugs = async (query: string) => (await get(`/api/v1/centres?${query}`)).json().items.map((c: { slug: string }) => c.slug);
    expect(await slugs("kind=training_centre")).toEqual(["api-singapore"]);
    expect(await slugs("country=GH")).toEqual(["api-ghana"]);
    expect(await slugs("subregion=central-asia")).toEqual(["api-kyrgyzstan"]);
    expect(await slugs("q=%D1%86%D0%B5%D0%BD%D1%82%D1%80%20api")).toEqual(["api-kyrgyzstan"]);
  });

  test("names follow ?lang= and Accept-Language", async () => {
    expect((await get("/api/v1/centres/api-kyrgyzstan?lang=ru")).json().name).toBe("Центр API в Кыргызстане");
    expect((await get("/api/v1/centres/api-kyrgyzstan", { "accept-language": "ru-RU,ru;q=0.9" })).json().name).toBe(
      "Центр API в Кыргызстане",
    );
    expect((await get("/api/v1/centres/api-kyrgyzstan?lang=fr")).json().name).toBe("Api Kyrgyzstan Centre");
  });

  test("a centre shows its host, members and sub-region", async () => {
    const response = await get("/api/v1/centres/api-kyrgyzstan");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      subregion: "central-asia",
      host: { name: "Api Host University", kind: "university" },
      memberCount: 1,
      members: [{ organisation: { name: "Api Member University" }, joinedOn: "2025-12" }],
    });
  });

  test("figures, timeline, governance, sub-regions and organisations", async () => {
    expect((await get("/api/v1/network/figures")).json()).toEqual({
      centres: 3,
      nationalCentres: 2,
      trainingCentres: 1,
      countries: 3,
      partnerInstitutions: 1,
      smartClassrooms: 0,
    });
    expect((await get("/api/v1/network/timeline")).json()).toEqual([
      {
        year: 2025,
        total: 2,
        established: [
          { slug: "api-ghana", name: "Api Ghana Centre", country: "GH", establishedOn: "2025-07-31" },
          { slug: "api-kyrgyzstan", name: "Api Kyrgyzstan Centre", country: "KG", establishedOn: "2025-11" },
        ],
      },
    ]);
    expect((await get("/api/v1/network/governance")).json()).toEqual([]);
    expect((await get("/api/v1/network/subregions")).json()).toEqual(["central-asia", "south-eastern-asia", "western-africa"]);
    const organisations = (await get("/api/v1/organisations?kind=university&country=KG")).json();
    expect(organisations.items.map((o: { name: string }) => o.name)).toEqual(["Api Host University", "Api Member University"]);
    expect((await get(`/api/v1/organisations/${organisations.items[0].slug}`)).json()).toMatchObject({ name: "Api Host University" });
  });

  test("the OpenAPI document describes the network routes", async () => {
    const doc = (await get("/api/openapi.json")).json();
    expect(doc.paths["/api/v1/centres"].get.tags).toEqual(["network"]);
    expect(doc.paths["/api/v1/centres"].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths["/api/v1/centres/{slug}"].get.summary).toBeTruthy();
  });
});

describe("bad requests get a clear 4xx", () => {
  test("an unknown centre is 404, with the message in the reader's language", async () => {
    const response = await get("/api/v1/centres/no-such-centre?lang=ru");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: ru["error.not_found"] } });
  });

  test.each([
    ["a bad slug", "/api/v1/centres/Not_A_Slug"],
    ["an unknown query field", "/api/v1/centres?colour=blue"],
    ["a wrong type", "/api/v1/centres?limit=many"],
    ["an out-of-range limit", "/api/v1/centres?limit=1000"],
    ["an unknown kind", "/api/v1/centres?kind=castle"],
    ["a bad country", "/api/v1/centres?country=kenya"],
    ["an unknown language", "/api/v1/centres?lang=xx"],
  ])("%s is a 400 with field issues", async (_, url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.length).toBeGreaterThan(0);
  });

  test("validation messages follow ?lang=", async () => {
    const body = (await get("/api/v1/centres?kind=castle&lang=ru")).json();
    expect(body.error.message).toBe(ru["error.validation_failed"]);
    expect(body.error.fields[0].path).toBe("kind");
  });

  test("writing without a token is 401 and changes nothing", async () => {
    const before = (await get("/api/v1/network/figures")).json();
    const attempts = [
      app.inject({ method: "POST", url: "/api/v1/centres", payload: { kind: "national_centre", name: "Anonymous Centre", country: "KE" } }),
      app.inject({ method: "PATCH", url: "/api/v1/centres/api-ghana", payload: { focusAreas: ["x"] } }),
      app.inject({ method: "DELETE", url: "/api/v1/centres/api-ghana" }),
      app.inject({ method: "POST", url: "/api/v1/organisations", payload: { kind: "university", name: "Anonymous University" } }),
      app.inject({ method: "POST", url: "/api/v1/centres/api-ghana/facilities", payload: { name: "Classroom" } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, response.body).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
    expect((await get("/api/v1/network/figures")).json()).toEqual(before);
  });

  test("an oversized body is 413", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/centres",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ kind: "national_centre", name: "x".repeat(2 * 1024 * 1024), country: "KE" }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
  });

  test("malformed and hostile requests never get a 500 nor change anything", async () => {
    const requests = [
      { method: "POST", url: "/api/v1/centres", headers: { "content-type": "application/json" }, payload: "{not json" },
      { method: "POST", url: "/api/v1/centres", headers: { "content-type": "text/plain" }, payload: "hello" },
      { method: "GET", url: "/api/v1/centres?q=%27%3B%20drop%20table%20organisations%3B--" },
      { method: "GET", url: "/api/v1/centres?offset=-1" },
      { method: "GET", url: "/api/v1/centres/%00" },
      { method: "GET", url: `/api/v1/centres/${"a".repeat(500)}` },
      { method: "DELETE", url: "/api/v1/centres/api-ghana/members/Bad!" },
      { method: "DELETE", url: "/api/v1/centres/api-ghana/facilities/not-a-uuid" },
      { method: "GET", url: "/api/v1/organisations?limit=0" },
    ] as const;
    for (const request of requests) {
      const response = await app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBeLessThan(500);
    }
    expect((await get("/api/v1/centres")).json().total).toBe(3);
  });
});

describe("writing with a token", () => {
  const newCentre = { kind: "national_centre", name: "Api Created Centre", country: "UZ", ordinal: 77, languages: ["uz", "ru"] };

  test("a learner is refused (403) and nothing is written", async () => {
    const headers = await bearer({ role: "learner", organisationId: null });
    const response = await app.inject({ method: "POST", url: "/api/v1/centres", headers, payload: newCentre });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
    expect((await get("/api/v1/centres?country=UZ")).json().total).toBe(0);
  });

  test("the secretariat creates a centre that is then listed; a duplicate is a translated 409", async () => {
    const headers = await bearer({ role: "secretariat", organisationId: null });
    const created = await app.inject({ method: "POST", url: "/api/v1/centres", headers, payload: newCentre });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: "api-created-centre", subregion: "central-asia", ordinal: 77, languages: ["uz", "ru"] });
    expect((await get("/api/v1/centres?country=UZ")).json().items.map((c: { slug: string }) => c.slug)).toEqual(["api-created-centre"]);

    const duplicate = await app.inject({ method: "POST", url: "/api/v1/centres?lang=fr", headers, payload: { ...newCentre, ordinal: 78 } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: "duplicate_name", message: fr["error.duplicate_name"] });

    for (const payload of [
      { ...newCentre, name: "Other", colour: "blue" },
      { ...newCentre, name: "Other", ordinal: "seventy" },
      { ...newCentre, name: "Other", country: "ZZ" },
      { ...newCentre, name: "Other", languages: "uz" },
    ]) {
      const response = await app.inject({ method: "POST", url: "/api/v1/centres", headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.fields.length).toBeGreaterThan(0);
    }
    expect((await get("/api/v1/centres?country=UZ")).json().total).toBe(1);

    const deleted = await app.inject({ method: "DELETE", url: "/api/v1/centres/api-created-centre", headers });
    expect(deleted.statusCode).toBe(204);
    expect((await get("/api/v1/centres/api-created-centre")).statusCode).toBe(404);
  });

  test("an institution's admin keeps its details but cannot make it an institute or rename it; the secretariat can", async () => {
    const created = await createOrganisation(runtime.services, { kind: "university", name: "Api Kind Test University", country: "KE" });
    const headers = await bearer({ role: "institution_admin", organisationId: created.id });
    const url = `/api/v1/organisations/${created.slug}`;
    expect((await app.inject({ method: "PATCH", url, headers, payload: { city: "Nairobi" } })).statusCode).toBe(200);
    expect((await app.inject({ method: "PATCH", url, headers, payload: { name: created.name, city: "Mombasa" } })).statusCode).toBe(200);
    for (const payload of [{ kind: "institute" }, { name: "The Network Institute" }]) {
      expect((await app.inject({ method: "PATCH", url, headers, payload })).statusCode).toBe(403);
    }
    const after = (await get(url)).json();
    expect(after).toMatchObject({ kind: "university", name: "Api Kind Test University", city: "Mombasa" });
    const staff = await bearer({ role: "secretariat", organisationId: null });
    expect(
      (await app.inject({ method: "PATCH", url, headers: staff, payload: { name: "Api Kind Test University (renamed)" } })).statusCode,
    ).toBe(200);
  });

  test("a centre admin edits their centre and its members, and is refused another centre", async () => {
    const ghana = (await get("/api/v1/centres/api-ghana")).json();
    const headers = await bearer({ role: "centre_admin", organisationId: ghana.id });

    const patched = await app.inject({
      method: "PATCH",
      url: "/api/v1/centres/api-ghana",
      headers,
      payload: { focusAreas: ["faculty capacity"] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().focusAreas).toEqual(["faculty capacity"]);

    const refused = await app.inject({ method: "PATCH", url: "/api/v1/centres/api-kyrgyzstan", headers, payload: { focusAreas: ["x y"] } });
    expect(refused.statusCode).toBe(403);

    const university = await app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers,
      payload: { kind: "university", name: "Api Cape Coast Demo University", country: "GH" },
    });
    expect(university.statusCode).toBe(201);
    const { id, slug } = university.json();
    const added = await app.inject({
      method: "POST",
      url: "/api/v1/centres/api-ghana/members",
      headers,
      payload: { organisationId: id, joinedOn: "2025-09" },
    });
    expect(added.statusCode).toBe(201);
    expect((await get("/api/v1/centres/api-ghana")).json().memberCount).toBe(1);
    const elsewhere = await app.inject({
      method: "POST",
      url: "/api/v1/centres/api-kyrgyzstan/members",
      headers,
      payload: { organisationId: id },
    });
    expect(elsewhere.statusCode).toBe(403);

    const removed = await app.inject({ method: "DELETE", url: `/api/v1/centres/api-ghana/members/${slug}`, headers });
    expect(removed.statusCode).toBe(204);
    expect((await get("/api/v1/centres/api-ghana")).json().memberCount).toBe(0);
  });
});
