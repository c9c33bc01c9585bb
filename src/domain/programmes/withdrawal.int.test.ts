import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../../tests/factories/events.ts";
import { centreStaffOf, createCentre, createOrganisation } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort } from "../../../tests/factories/programmes.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import { courseModules, lessons } from "../catalogue/schema.ts";
import { eventRegistrations } from "../events/schema.ts";
import { enrolments, lessonProgress } from "../learning/schema.ts";
import type { Actor } from "../shared/actor.ts";
import { reportFile } from "./report-file.ts";
import { cohortWithdrawals } from "./schema.ts";

let runtime: TestRuntime;
let centreId: string;
let otherCentreId: string;
let savannah: { id: string };
let savannahAdmin: Actor;
let centreStaff: Actor;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const services = runtime.services;
  centreId = (await createCentre(services, { country: "GH" })).id;
  otherCentreId = (await createCentre(services, { country: "KE" })).id;
  savannah = await createOrganisation(services, { name: "Savannah Withdrawal University", country: "GH" });
  savannahAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
  centreStaff = await createSignedInUser(services, { roles: [{ role: "centre_staff", organisationId: centreId }] });
});

afterAll(async () => {
  await runtime?.close();
});

const registrationOf = async (eventId: string, userId: string) =>
  (
    await runtime.database.db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
  )[0];

describe("leaving a cohort", () => {
  it("frees the seat for the next person, keeps the learning record, and lets the person join again", async () => {
    const services = runtime.services;
    const db = runtime.database.db;
    const { cohort, courses } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 1 });
    const amina = await createSignedInUser(services);
    const kofi = await createSignedInUser(services);
    await services.programmes.enrol(amina, cohort.id, "en");
    expect((await failure(services.programmes.enrol(kofi, cohort.id, "en"))).status).toBe(409);
    // Amina has done a lesson: that stays hers after she leaves.
    const [enrolment] = await db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.userId, amina.userId), eq(enrolments.courseId, courses[0]!.id)));
    const [lesson] = await db
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(eq(courseModules.courseId, courses[0]!.id))
      .limit(1);
    await db.insert(lessonProgress).values({ enrolmentId: enrolment!.id, lessonId: lesson!.id });

    const left = await services.programmes.withdraw(amina, cohort.id, "en");
    // Leaving on one's own needs no mail about it.
    await runtime.deliverMail();
    expect(runtime.mailer.sent.filter((m) => m.to === amina.email)).toEqual([]);
    expect(left).toMatchObject({ participantCount: 0, seatsLeft: 1, progress: null, viewer: { participant: false, canEnrol: true } });
    const kept = await db.select().from(enrolments).where(eq(enrolments.userId, amina.userId));
    expect(kept.map((e) => e.courseId).sort()).toEqual(courses.map((c) => c.id).sort());
    expect(await db.select().from(lessonProgress).where(eq(lessonProgress.enrolmentId, enrolment!.id))).toHaveLength(1);
    // Leaving twice: she no longer takes part.
    expect((await failure(services.programmes.withdraw(amina, cohort.id, "en"))).status).toBe(404);

    // The freed seat is Kofi's now, and the cohort is full again.
    expect((await services.programmes.enrol(kofi, cohort.id, "en")).viewer.participant).toBe(true);
    expect((await failure(services.programmes.enrol(amina, cohort.id, "en"))).status).toBe(409);
    const report = await services.programmes.cohortReport(centreStaff, cohort.id, "en");
    expect(report.totals).toMatchObject({ enrolled: 1, withdrawn: 1 });
    expect(report.people.find((p) => p.email === amina.email)).toMatchObject({ enrolled: false, withdrawn: true, nomination: null });

    // Kofi leaves; Amina joins again and finds her progress where she left it.
    await services.programmes.withdraw(kofi, cohort.id, "en");
    const back = await services.programmes.enrol(amina, cohort.id, "en");
    expect(back.viewer.participant).toBe(true);
    expect(back.progress?.[0]).toMatchObject({ courseId: courses[0]!.id, lessonsDone: 1 });
    const again = await services.programmes.cohortReport(centreStaff, cohort.id, "en");
    expect(again.totals).toMatchObject({ enrolled: 1, withdrawn: 1 });
    expect(again.people.find((p) => p.email === amina.email)).toMatchObject({ enrolled: true, withdrawn: false });
    expect(await db.select().from(cohortWithdrawals).where(eq(cohortWithdrawals.cohortId, cohort.id))).toEqual([
      expect.objectContaining({ userId: kofi.userId, withdrawnById: kofi.userId }),
    ]);
  });

  it("gives up the person's upcoming sessions, moving the waiting list on, and keeps the ones attended", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const now = runtime.clock.now;
    const past = await createEvent(services, centreId, now, { title: "Kick-off", capacity: 10 }, 2);
    const upcoming = await createEvent(services, centreId, now, { title: "Second session", capacity: 1 }, 72);
    await services.programmes.linkSession(centreStaff, cohort.id, past.id, "en");
    await services.programmes.linkSession(centreStaff, cohort.id, upcoming.id, "en");
    const yaw = await createSignedInUser(services);
    const waiting = await createSignedInUser(services);
    await services.programmes.enrol(yaw, cohort.id, "en");
    await services.events.register(yaw, past.id);
    await services.events.register(yaw, upcoming.id);
    expect((await services.events.register(waiting, upcoming.id)).status).toBe("waitlisted");
    // The kick-off happened and Yaw was there.
    runtime.clock.advance(3 * 60 * 60 * 1000);
    const kickOff = await registrationOf(past.id, yaw.userId);
    await services.events.checkIn(centreStaff, past.id, { registrationId: kickOff!.id });

    await services.programmes.withdraw(yaw, cohort.id, "en");
    expect((await registrationOf(upcoming.id, yaw.userId))?.status).toBe("cancelled");
    expect((await registrationOf(upcoming.id, waiting.userId))?.status).toBe("registered");
    expect(await registrationOf(past.id, yaw.userId)).toMatchObject({ status: "registered", checkInMethod: "staff" });
    // The person who moved up is told, in the background.
    await expect
      .poll(() => runtime.mailer.sent.filter((m) => m.to === waiting.email).map((m) => m.subject), { timeout: 5000 })
      .toContainEqual(expect.stringContaining("Second session"));

    const report = await services.programmes.cohortReport(centreStaff, cohort.id, "en");
    expect(report.totals).toMatchObject({ enrolled: 0, withdrawn: 1, sessionsAttended: 1 });
    expect(report.people).toEqual([expect.objectContaining({ email: yaw.email, withdrawn: true, sessionsAttended: 1, sessionsTotal: 2 })]);
  });
});

describe("leaving while others join", () => {
  it("never lets the cohort hold more people than its capacity", async () => {
    const services = runtime.services;
    // One seat is free from the start and the leaver frees another: one or two of the four join, never more.
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 2 });
    const leaving = await createSignedInUser(services);
    await services.programmes.enrol(leaving, cohort.id, "en");
    const joining = await Promise.all([1, 2, 3, 4].map(() => createSignedInUser(services)));
    const [left, ...joins] = await Promise.allSettled([
      services.programmes.withdraw(leaving, cohort.id, "en"),
      ...joining.map((person) => services.programmes.enrol(person, cohort.id, "en")),
    ]);
    expect(left.status).toBe("fulfilled");
    const joined = joins.filter((j) => j.status === "fulfilled").length;
    expect(joined).toBeGreaterThanOrEqual(1);
    expect(joined).toBeLessThanOrEqual(2);
    for (const j of joins) if (j.status === "rejected") expect(j.reason).toMatchObject({ status: 409 });
    const after = await services.programmes.getCohort(centreStaff, cohort.id, "en");
    expect(after.participantCount).toBe(joined);
    expect(after.participants?.map((p) => p.userId).sort()).toEqual(
      joining
        .filter((_, i) => joins[i]!.status === "fulfilled")
        .map((p) => p.userId)
        .sort(),
    );
  });
});

describe("removing a participant", () => {
  it("is for the centre's staff, marks the nomination withdrawn for the institution and frees its quota", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 5, institutionQuota: 1 });
    const nomination = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      {
        name: "Efua Asante",
        email: `efua.${cohort.id.slice(0, 6)}@savannah.test`,
        department: "Nursing",
      },
      "en",
    );
    await services.programmes.decide(centreStaff, { nominationIds: [nomination.id], decision: "approved" }, "en");
    const efua = nomination.user.id;

    const outsider = await createSignedInUser(services);
    expect((await failure(services.programmes.removeParticipant(outsider, cohort.id, efua, "en"))).status).toBe(403);
    expect((await failure(services.programmes.removeParticipant(centreStaffOf(otherCentreId), cohort.id, efua, "en"))).status).toBe(403);
    expect((await failure(services.programmes.removeParticipant(savannahAdmin, cohort.id, efua, "en"))).status).toBe(403);
    expect((await failure(services.programmes.removeParticipant(centreStaff, cohort.id, outsider.userId, "en"))).status).toBe(404);
    // Someone who does not take part cannot "leave".
    expect((await failure(services.programmes.withdraw(outsider, cohort.id, "en"))).status).toBe(404);

    const after = await services.programmes.removeParticipant(centreStaff, cohort.id, efua, "en");
    expect(after.participants).toEqual([]);
    // Taken out by the centre, she hears it, with the way back to what she learnt.
    await runtime.deliverMail();
    const told = runtime.mailer.sent.filter((m) => m.to === nomination.user.email);
    expect(told.at(-1)?.subject).toMatch(/^Your place in /);
    expect(told.at(-1)?.text).toContain(`“${cohort.name}”`);
    expect(told.at(-1)?.text).toContain("/en/learning");
    expect(after.seatsLeft).toBe(5);
    const seen = await services.programmes.listNominations(savannahAdmin, cohort.id, {}, "en");
    expect(seen.map((n) => [n.user.id, n.status])).toEqual([[efua, "withdrawn"]]);
    const withdrawal = await runtime.database.db.select().from(cohortWithdrawals).where(eq(cohortWithdrawals.cohortId, cohort.id));
    expect(withdrawal).toEqual([expect.objectContaining({ userId: efua, institutionId: savannah.id, withdrawnById: centreStaff.userId })]);

    // The institution sees it in its own report, and may put someone else forward in her place.
    const own = await services.programmes.cohortReport(savannahAdmin, cohort.id, "en");
    expect(own.totals).toMatchObject({ nominated: 1, approved: 0, enrolled: 0, withdrawn: 1 });
    expect(own.people).toEqual([
      expect.objectContaining({ nomination: "withdrawn", enrolled: false, withdrawn: true, department: "Nursing" }),
    ]);
    expect(own.byInstitution).toEqual([expect.objectContaining({ withdrawn: 1, enrolled: 0 })]);
    const csv = (await reportFile(own, "csv", "en")).body.toString("utf8");
    expect(csv.split("\r\n")[0]).toContain("Enrolled,Withdrawn,");
    expect(csv.split("\r\n")[1]).toContain("Withdrawn,No,Yes,");
    const next = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      {
        name: "Kwame",
        email: `kwame.${cohort.id.slice(0, 6)}@savannah.test`,
      },
      "en",
    );
    expect(next.status).toBe("pending");
  });

  it("is refused once the cohort is over", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const person = await createSignedInUser(services);
    await services.programmes.enrol(person, cohort.id, "en");
    await services.programmes.updateCohort(centreStaff, cohort.id, { status: "completed" }, "en");
    const refused = await failure(services.programmes.withdraw(person, cohort.id, "fr"));
    expect(refused.status).toBe(409);
    expect(translateError(refused, "fr").fields[0]?.message).toBe(
      "Cette promotion est terminée : personne ne peut plus la quitter ni en être retiré.",
    );
    expect((await failure(services.programmes.removeParticipant(centreStaff, cohort.id, person.userId, "en"))).status).toBe(409);
    expect((await services.programmes.getCohort(person, cohort.id, "en")).viewer.participant).toBe(true);
  });
});

describe("facilitators", () => {
  it("are changed by email, shown by name to everyone and by address to the centre's staff", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const mentor = await createSignedInUser(services, { name: "Mentor Mensah" });
    const updated = await services.programmes.updateCohort(
      centreStaff,
      cohort.id,
      { facilitatorEmails: [mentor.email.toUpperCase()] },
      "en",
    );
    expect(updated.facilitators.map((f) => f.name)).toEqual(["Mentor Mensah"]);
    expect(updated.facilitatorEmails).toEqual([mentor.email]);
    expect((await services.programmes.getCohort(null, cohort.id, "en")).facilitatorEmails).toBeNull();
    expect((await services.programmes.getCohort(null, cohort.id, "en")).facilitators.map((f) => f.name)).toEqual(["Mentor Mensah"]);

    const unknown = await failure(
      services.programmes.updateCohort(centreStaff, cohort.id, { facilitatorEmails: [mentor.email, "nobody@nowhere.test"] }, "ru"),
    );
    expect(translateError(unknown, "ru").fields[0]).toMatchObject({
      path: "facilitatorEmails.1",
      message: "Нет учётной записи с адресом nobody@nowhere.test.",
    });
    expect((await services.programmes.getCohort(centreStaff, cohort.id, "en")).facilitatorEmails).toEqual([mentor.email]);
    expect((await services.programmes.updateCohort(centreStaff, cohort.id, { facilitatorEmails: [] }, "en")).facilitators).toEqual([]);
  });
});
