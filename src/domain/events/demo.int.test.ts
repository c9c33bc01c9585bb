import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, signInDemo, type TestRuntime, testClockStart } from "../../../tests/support/runtime.ts";
import { knuWorkshopSlug } from "../../seed/events.ts";

let runtime: TestRuntime;
const events = () => runtime.services.events;

beforeAll(async () => {
  runtime = await createTestRuntime({ demo: true });
});

afterAll(async () => {
  await runtime?.close();
});

const signIn = (email: string) => signInDemo(runtime, email);

describe("the demo events", () => {
  test("the KNU workshop: 436 people registered, a minute apart from the morning of 20 November 2025, and 412 checked in with its code", async () => {
    const staff = await signIn("kg.admin@orbis.example");
    const report = await events().report(staff, knuWorkshopSlug, "en");
    expect(report).toMatchObject({ registered: 436, waitlisted: 0, attended: 412, cancelled: 0 });
    expect(report.byCountry.map((b) => b.key)).toEqual(["KG"]);
    expect(report.byInstitution.length).toBeGreaterThan(50);
    const { items } = await events().listRegistrations(staff, knuWorkshopSlug, { limit: 500 }, "en");
    expect(items.map((r) => r.registeredAt.slice(0, 16)).slice(0, 2)).toEqual(["2025-11-20T06:00", "2025-11-20T06:01"]);
    expect(items.filter((r) => r.checkInMethod === "code").length).toBe(412);
    expect(items.filter((r) => r.attendedAt?.startsWith("2025-11-26T08:05")).length).toBe(412);
  });

  test("upcoming events are placed from the day the demo was loaded; the Ghana briefing was three weeks before", async () => {
    const upcoming = await events().listEvents({ period: "upcoming", limit: 100 }, "en");
    expect(upcoming.items.map((e) => e.slug)).toEqual([
      "ghana-webinar-blended-teaching-demo",
      "knu-smart-classroom-course-design-demo",
      "kenya-hybrid-workshop-smart-classroom-demo",
      "pakistan-training-assessment-online-demo",
      "serbia-policy-dialogue-ai-higher-education-demo",
      "zambia-course-repository-launch-demo",
    ]);
    // 10:00 in Accra (UTC) a week after the test clock's day.
    expect(upcoming.items[0]?.startsAt).toBe("2026-03-09T10:00:00.000Z");
    const briefing = await events().getEvent("ghana-briefing-for-nominees-demo", "en");
    expect(briefing.startsAt).toBe("2026-02-09T10:00:00.000Z");
    expect(new Date(briefing.startsAt) < testClockStart).toBe(true);
  });
});
