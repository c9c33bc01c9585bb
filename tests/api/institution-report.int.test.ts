import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "../../src/domain/shared/actor.ts";
import { institutionReportScenario } from "../factories/institution-report.ts";
import { createSignedInUser } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let scenario: Awaited<ReturnType<typeof institutionReportScenario>>;

async function bearer(actor: Actor): Promise<{ authorization: string }> {
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "institution report tests" });
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  scenario = await institutionReportScenario(runtime);
  // A name a spreadsheet would run as a formula.
  await runtime.services.programmes.nominate(
    scenario.savannahAdmin,
    scenario.cohort.id,
    {
      name: '=HYPERLINK("http://evil.test")',
      email: "evil@report.test",
    },
    "en",
  );
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

describe("GET /api/v1/organisations/{id}/report", () => {
  test("answers the institution's administrator in JSON, by slug or id, with filters", async () => {
    const headers = await bearer(scenario.savannahAdmin);
    const bySlug = await app.inject({ method: "GET", url: `/api/v1/organisations/${scenario.savannah.slug}/report`, headers });
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json().totals).toEqual({
      people: 6,
      nominated: 5,
      enrolled: 2,
      completedProgramme: 1,
      eventRegistrations: 3,
      eventsAttended: 2,
    });
    const march = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${scenario.savannah.id}/report?from=2030-03-01&to=2030-03-31&programme=${scenario.programme.slug}`,
      headers,
    });
    expect(march.json()).toMatchObject({
      filters: { from: "2030-03-01", to: "2030-03-31", programme: { slug: scenario.programme.slug } },
      totals: { eventsAttended: 0 },
    });
    const backwards = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${scenario.savannah.slug}/report?from=2030-04-01&to=2030-03-01&lang=fr`,
      headers,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0]).toMatchObject({
      path: "to",
      message: "La date de fin ne peut pas précéder la date de début.",
    });
    const unknown = await app.inject({ method: "GET", url: `/api/v1/organisations/${scenario.savannah.slug}/report?colour=red`, headers });
    expect(unknown.statusCode).toBe(400);
  });

  test("downloads formula-safe CSV and XLSX in the asked language", async () => {
    const headers = await bearer(scenario.savannahAdmin);
    const csv = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${scenario.savannah.slug}/report?format=csv&lang=ru`,
      headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="institution-report-${scenario.savannah.slug}.csv"`);
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFИмя,")).toBe(true);
    expect(lines).toHaveLength(7);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    const xlsx = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${scenario.savannah.slug}/report?format=xlsx&from=2030-03-01`,
      headers,
    });
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers["content-disposition"]).toBe(`attachment; filename="institution-report-${scenario.savannah.slug}-2030-03-01.xlsx"`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  test("refuses other institutions' administrators, centre staff and anonymous callers", async () => {
    const url = `/api/v1/organisations/${scenario.savannah.slug}/report`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url, headers: await bearer(scenario.lakesideAdmin) })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: `${url}?format=csv`, headers: await bearer(scenario.staff) })).statusCode).toBe(403);
    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    expect((await app.inject({ method: "GET", url, headers: await bearer(secretariat) })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/organisations/nobody-here/report", headers: await bearer(secretariat) })).statusCode,
    ).toBe(404);
  });
});
