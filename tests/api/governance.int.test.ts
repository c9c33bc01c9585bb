import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OrganisationDto } from "../../src/domain/network/dto.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import errorsRu from "../../src/i18n/messages/errors/ru.ts";
import { createOrganisation } from "../factories/network.ts";
import { createUser } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let university: OrganisationDto;
let secretariat: { authorization: string };

/** A Bearer header for a new account holding the given roles. */
async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const { email, password } = await createUser(runtime.services, { roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "governance-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "governance tests" });
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  university = await createOrganisation(runtime.services, { name: "Api Presidency University", names: { zh: "接口主席大学" } });
  secretariat = await bearer({ role: "secretariat", organisationId: null });
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

const listed = async () =>
  (await app.inject({ method: "GET", url: "/api/v1/network/governance" })).json() as { id: string; year: number }[];

describe("governance terms over the API", () => {
  test("the secretariat creates, changes and deletes a term", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/network/governance?lang=zh",
      headers: secretariat,
      payload: { year: 2027, role: "rotating_presidency", holderOrganisationId: university.id },
    });
    expect(created.statusCode).toBe(201);
    const term = created.json();
    expect(term).toMatchObject({ year: 2027, role: "rotating_presidency", holder: { name: "接口主席大学" }, holderName: null });

    const patched = await app.inject({
      method: "PATCH",
      url: `/api/v1/network/governance/${term.id}`,
      headers: secretariat,
      payload: { year: 2028 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: term.id, year: 2028, holder: { slug: university.slug } });
    expect((await listed()).find((t) => t.id === term.id)?.year).toBe(2028);

    const deleted = await app.inject({ method: "DELETE", url: `/api/v1/network/governance/${term.id}`, headers: secretariat });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expect((await listed()).map((t) => t.id)).not.toContain(term.id);
    const again = await app.inject({ method: "DELETE", url: `/api/v1/network/governance/${term.id}`, headers: secretariat });
    expect(again.statusCode).toBe(404);
  });

  test("anonymous callers are asked to sign in, other roles are refused, and nothing changes", async () => {
    const term = (
      await app.inject({
        method: "POST",
        url: "/api/v1/network/governance",
        headers: secretariat,
        payload: { year: 2029, role: "secretary_general", holderName: "Api Person (fictional)" },
      })
    ).json();
    const before = await listed();
    const centreAdmin = await bearer({ role: "centre_admin", organisationId: university.id });
    const writes = [
      { method: "POST" as const, url: "/api/v1/network/governance", payload: { year: 2030, role: "rotating_presidency", holderName: "X" } },
      { method: "PATCH" as const, url: `/api/v1/network/governance/${term.id}`, payload: { year: 2030 } },
      { method: "DELETE" as const, url: `/api/v1/network/governance/${term.id}` },
    ];
    for (const write of writes) {
      const anonymous = await app.inject(write);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthenticated");
      const refused = await app.inject({ ...write, url: `${write.url}?lang=ru`, headers: centreAdmin });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe(errorsRu["error.forbidden"]);
    }
    expect(await listed()).toEqual(before);
  });

  test("bad input gets a 4xx naming the field, and changes nothing", async () => {
    const before = await listed();
    const post = (payload: unknown, url = "/api/v1/network/governance") =>
      app.inject({ method: "POST", url, headers: secretariat, payload: payload as object });

    const noHolder = await post({ year: 2031, role: "rotating_presidency" }, "/api/v1/network/governance?lang=es");
    expect(noHolder.statusCode).toBe(400);
    expect(noHolder.json().error.fields).toEqual([
      expect.objectContaining({
        path: "holderOrganisationId",
        message: "Elija la organización titular del mandato o escriba el nombre de la persona.",
      }),
    ]);
    expect((await post({ year: "2031", role: "rotating_presidency", holderName: "X" })).statusCode).toBe(400);
    expect((await post({ year: 2031, role: "king", holderName: "X" })).statusCode).toBe(400);
    expect((await post({ year: 2031, role: "rotating_presidency", holderName: "X", id: crypto.randomUUID() })).statusCode).toBe(400);
    const unknownHolder = await post({ year: 2031, role: "rotating_presidency", holderOrganisationId: crypto.randomUUID() });
    expect(unknownHolder.statusCode).toBe(400);
    expect(unknownHolder.json().error.fields[0].path).toBe("holderOrganisationId");

    const badId = await app.inject({
      method: "PATCH",
      url: "/api/v1/network/governance/not-a-uuid",
      headers: secretariat,
      payload: { year: 2031 },
    });
    expect(badId.statusCode).toBe(400);
    const missing = await app.inject({
      method: "PATCH",
      url: `/api/v1/network/governance/${crypto.randomUUID()}`,
      headers: secretariat,
      payload: { year: 2031 },
    });
    expect(missing.statusCode).toBe(404);
    expect(await listed()).toEqual(before);

    expect((await post({ year: 2032, role: "rotating_presidency", holderOrganisationId: university.id })).statusCode).toBe(201);
    const twice = await post({ year: 2032, role: "rotating_presidency", holderName: "Someone else" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields[0].path).toBe("year");
  });

  test("the OpenAPI document describes the new operations", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths["/api/v1/network/governance"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(spec.paths["/api/v1/network/governance/{id}"]).sort()).toEqual(["delete", "patch"]);
  });
});
