import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { institutionReportScenario } from "../../../tests/factories/institution-report.ts";
import { centreAdminOf, learner, secretariat } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort } from "../../../tests/factories/programmes.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { institutionReportFile } from "./institution-report-file.ts";

let runtime: TestRuntime;
let scenario: Awaited<ReturnType<typeof institutionReportScenario>>;

beforeAll(async () => {
  runtime = await createTestRuntime();
  scenario = await institutionReportScenario(runtime);
});

afterAll(async () => {
  await runtime?.close();
});

const report = (filters: Record<string, string> = {}, actor = scenario.savannahAdmin) =>
  runtime.services.programmes.institutionReport(actor, scenario.savannah.slug, filters, "en");

describe("the institution report", () => {
  it("lists the institution's people with their cohorts, progress and events, and nobody else's", async () => {
    const { people } = scenario;
    const result = await report();
    expect(result.institution.id).toBe(scenario.savannah.id);
    expect(result.people.map((p) => p.name)).toEqual(["Abena", "Efua", "Kwame", "Yaw", "Zainab"]);
    expect(result.totals).toEqual({
      people: 5,
      nominated: 4,
      enrolled: 2,
      completedProgramme: 1,
      eventRegistrations: 3,
      eventsAttended: 2,
    });
    const person = (id: string) => result.people.find((p) => p.userId === id)!;
    expect(person(people.abena.id)).toMatchObject({
      jobTitle: "Lecturer",
      cohorts: [{ status: "enrolled", completed: true, coursesCompleted: 1, coursesTotal: 2, sessionsAttended: 0, sessionsTotal: 1 }],
      // Her own event, outside the institution's name, is not counted.
      events: { registered: 1, waitlisted: 0, attended: 1, lastAttendedAt: "2030-04-10T09:05:00.000Z" },
    });
    expect(person(people.kwame.id)).toMatchObject({
      cohorts: [{ status: "enrolled", completed: false, coursesCompleted: 0, sessionsAttended: 1, sessionsTotal: 1 }],
      events: { registered: 0, waitlisted: 1, attended: 0, lastAttendedAt: null },
    });
    expect(person(people.efua.id).cohorts.map((c) => [c.status, c.completed])).toEqual([["declined", false]]);
    expect(person(people.yaw.id).cohorts.map((c) => [c.status, c.completed])).toEqual([["withdrawn", false]]);
    expect(person(people.zainab.id)).toMatchObject({ cohorts: [], events: { registered: 1, attended: 1 } });
    expect(result.byProgramme).toEqual([
      {
        programme: { id: scenario.programme.id, slug: scenario.programme.slug, title: scenario.programme.title },
        nominated: 4,
        enrolled: 2,
        completed: 1,
      },
    ]);
    expect(result.byMonth).toEqual([
      { month: "2030-03", nominated: 4, enrolled: 2, eventsAttended: 0 },
      { month: "2030-04", nominated: 0, enrolled: 0, eventsAttended: 2 },
    ]);

    const lakeside = await runtime.services.programmes.institutionReport(scenario.lakesideAdmin, scenario.lakeside.id, {}, "en");
    expect(lakeside.people.map((p) => p.name)).toEqual(["Otieno"]);
    expect(lakeside.totals).toMatchObject({ people: 1, enrolled: 1, eventsAttended: 1 });
  });

  it("narrows to a period and to a programme", async () => {
    const march = await report({ from: "2030-03-01", to: "2030-03-31" });
    expect(march.people.map((p) => p.name)).toEqual(["Abena", "Efua", "Kwame", "Yaw"]);
    expect(march.totals).toMatchObject({ eventRegistrations: 0, eventsAttended: 0, enrolled: 2 });
    expect(march.filters).toMatchObject({ from: "2030-03-01", to: "2030-03-31", programme: null });

    const june = await report({ from: "2030-06-01" });
    expect(june.totals.people).toBe(0);
    // The filter still offers the programmes outside the period.
    expect(june.programmes.map((p) => p.id)).toEqual([scenario.programme.id]);

    const programme = await report({ programme: scenario.programme.slug });
    expect(programme.filters.programme?.id).toBe(scenario.programme.id);
    // Only the programme's live sessions count as events: the webinars are left out, and with them Zainab.
    expect(programme.people.map((p) => p.name)).toEqual(["Abena", "Efua", "Kwame", "Yaw"]);
    expect(programme.totals.eventRegistrations).toBe(0);

    const other = await createProgrammeWithCohort(runtime, scenario.centre.id);
    const elsewhere = await report({ programme: other.programme.id });
    expect(elsewhere.filters.programme?.slug).toBe(other.programme.slug);
    expect(elsewhere.totals.people).toBe(0);
    expect((await failure(report({ programme: "no-such-programme" }))).status).toBe(404);

    const backwards = await failure(report({ from: "2030-04-01", to: "2030-03-01" }));
    expect(backwards.status).toBe(400);
    expect(backwards.fields.map((f) => f.path)).toEqual(["to"]);
  });

  it("is for the institution's administrators and the secretariat only", async () => {
    expect((await report({}, secretariat())).totals.people).toBe(5);
    expect((await failure(report({}, scenario.lakesideAdmin))).status).toBe(403);
    expect((await failure(report({}, centreAdminOf(scenario.centre.id)))).status).toBe(403);
    expect((await failure(report({}, learner()))).status).toBe(403);
    expect((await failure(runtime.services.programmes.institutionReport(null, scenario.savannah.slug, {}, "en"))).status).toBe(401);
    expect((await failure(runtime.services.programmes.institutionReport(secretariat(), "no-such-institution", {}, "en"))).status).toBe(404);
  });

  it("exports one row per person as CSV, and adds a sheet per person and cohort in XLSX", async () => {
    const result = await report();
    const csv = (await institutionReportFile(result, "csv", "en")).body.toString("utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFName,Email,Department,Role,Cohorts,Cohorts taking part,Programmes completed,Courses completed,Sessions attended,Events registered,Events waiting list,Events attended,Last attended",
    );
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith("Abena,"))).toMatch(/,,Lecturer,1,1,1,1,0,1,0,1,2030-04-10$/);
    const xlsx = await institutionReportFile(result, "xlsx", "ar");
    expect(xlsx.fileName).toBe(`institution-report-${scenario.savannah.slug}.xlsx`);
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
  });
});
