import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, signInDemo, type TestRuntime } from "../../../tests/support/runtime.ts";
import { demoProgrammes } from "../../seed/programmes.ts";

let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await createTestRuntime({ demo: true });
}, 120_000);

afterAll(async () => {
  await runtime?.close();
});

describe("the demo programmes", () => {
  test("are public at three centres in Russian, English and Arabic, each with its courses and cohorts", async () => {
    const page = await runtime.services.programmes.listProgrammes({}, "en");
    expect(page.items.map((p) => p.slug).sort()).toEqual(demoProgrammes.map((p) => p.slug).sort());
    const kg = await runtime.services.programmes.getProgramme("teacher-digital-competence-kg", "ru");
    expect(kg).toMatchObject({ shownLocale: "ru", owner: { slug: "iioe-kyrgyzstan" } });
    expect(kg.courses.length).toBeGreaterThanOrEqual(2);
    const egypt = await runtime.services.programmes.getProgramme("ai-in-university-teaching-eg", "fr");
    expect(egypt.shownLocale).toBe("ar");
  });

  test("have nominations from the demo university, some approved and under way", async () => {
    const ghana = await runtime.services.programmes.getProgramme("blended-teaching-for-lecturers-gh", "en");
    const cohort = ghana.cohorts.find((c) => c.enrolmentMode === "nomination")!;
    expect(cohort.participantCount).toBe(5);
    const secretariat = {
      userId: crypto.randomUUID(),
      email: "s@x.test",
      name: "S",
      locale: "en" as const,
      roles: [{ role: "secretariat" as const, organisationId: null }],
    };
    const report = await runtime.services.programmes.cohortReport(secretariat, cohort.id, "en");
    expect(report.totals).toMatchObject({ nominated: 8, approved: 5, enrolled: 5, coursesCompleted: 2 });
    expect(report.byInstitution[0]?.institution?.slug).toBe("demo-university-of-the-savannah-fictional");
  });

  test("give the demo university's administrator a staff report with cohorts, progress and events", async () => {
    const actor = await signInDemo(runtime, "institution.admin@orbis.example");
    const report = await runtime.services.programmes.institutionReport(actor, "demo-university-of-the-savannah-fictional", {}, "en");
    expect(report.totals).toMatchObject({ people: 8, nominated: 8, enrolled: 5, eventsAttended: 6 });
    expect(report.people.flatMap((p) => p.cohorts).filter((c) => c.coursesCompleted > 0)).toHaveLength(2);
    expect(report.byMonth.length).toBeGreaterThanOrEqual(2);
  });
});
