import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { centreStaffOf, createCentre, createOrganisation, learner } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort, nominationCsv, publishedCourse } from "../../../tests/factories/programmes.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import { eventRegistrations, events, eventTranslations } from "../events/schema.ts";
import { users } from "../identity/schema.ts";
import { enrolments, lessonProgress } from "../learning/schema.ts";
import type { Actor } from "../shared/actor.ts";
import { reportFile } from "./report-file.ts";
import { cohortParticipants, nominations, nominationUploads } from "./schema.ts";

let runtime: TestRuntime;
let centreId: string;
let otherCentreId: string;
let savannah: { id: string };
let lakeside: { id: string };
let savannahAdmin: Actor;
let lakesideAdmin: Actor;
let centreStaff: Actor;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const services = runtime.services;
  centreId = (await createCentre(services, { country: "GH" })).id;
  otherCentreId = (await createCentre(services, { country: "KE" })).id;
  savannah = await createOrganisation(services, { name: "Savannah Test University", country: "GH" });
  lakeside = await createOrganisation(services, { name: "Lakeside Test University", country: "KE" });
  savannahAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
  lakesideAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: lakeside.id }] });
  centreStaff = await createSignedInUser(services, { roles: [{ role: "centre_staff", organisationId: centreId }] });
});

afterAll(async () => {
  await runtime?.close();
});

/** The DomainError a call fails with, for asserting on status, code and field messages. */

const countOf = async (table: typeof nominations | typeof users | typeof nominationUploads) =>
  (await runtime.database.db.select({ n: count() }).from(table))[0]!.n;

describe("programmes", () => {
  it("are written by their centre's team, shown in the reader's language when ready, listed when published", async () => {
    const services = runtime.services;
    const course = await publishedCourse(runtime, centreId);
    const programme = await services.programmes.createProgramme(
      centreStaff,
      {
        ownerCentreId: centreId,
        defaultLocale: "en",
        title: "Teaching with digital tools",
        courses: [{ courseId: course.id }],
      },
      "en",
    );
    expect(programme).toMatchObject({ status: "draft", shownLocale: "en", courseCount: 1, canManage: true });
    expect((await services.programmes.listProgrammes({}, "en")).items.map((p) => p.id)).not.toContain(programme.id);
    expect((await failure(services.programmes.getProgramme(programme.slug, "en", null))).status).toBe(404);

    await services.programmes.translateProgramme(
      centreStaff,
      programme.id,
      "fr",
      {
        title: "Enseigner avec le numérique",
        status: "draft",
      },
      "en",
    );
    await services.programmes.updateProgramme(centreStaff, programme.id, { status: "published" }, "en");
    expect((await services.programmes.getProgramme(programme.slug, "fr")).shownLocale).toBe("en");
    await services.programmes.translateProgramme(
      centreStaff,
      programme.id,
      "fr",
      {
        title: "Enseigner avec le numérique",
        status: "ready",
      },
      "en",
    );
    const french = await services.programmes.getProgramme(programme.slug, "fr");
    expect(french).toMatchObject({ title: "Enseigner avec le numérique", shownLocale: "fr", languages: ["en", "fr"], canManage: false });
    expect((await services.programmes.listProgrammes({}, "en")).items.map((p) => p.id)).toContain(programme.id);

    expect(
      (await failure(services.programmes.updateProgramme(centreStaffOf(otherCentreId), programme.id, { title: "Taken over" }, "en")))
        .status,
    ).toBe(403);
    const unknown = await failure(
      services.programmes.createProgramme(
        centreStaff,
        {
          ownerCentreId: centreId,
          defaultLocale: "en",
          title: "Bad courses",
          courses: [{ courseId: crypto.randomUUID() }],
        },
        "en",
      ),
    );
    expect(translateError(unknown, "en").fields[0]).toMatchObject({ path: "courses.0.courseId", message: "Choose a published course." });
    const backwards = await failure(
      services.programmes.createCohort(
        centreStaff,
        programme.id,
        {
          name: "Backwards",
          startsOn: "2030-05-01",
          endsOn: "2030-04-01",
          locale: "en",
          capacity: 5,
          enrolmentMode: "open",
        },
        "en",
      ),
    );
    expect(translateError(backwards, "en").fields[0]).toMatchObject({ path: "endsOn", message: "The end date is before the start date." });
  });
});

describe("open cohorts", () => {
  it("enrol people in the cohort and its courses, up to the capacity", async () => {
    const services = runtime.services;
    const { cohort, courses } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 1 });
    const first = await createSignedInUser(services);
    const joined = await services.programmes.enrol(first, cohort.id, "en");
    expect(joined.viewer.participant).toBe(true);
    expect(joined.progress?.map((p) => [p.courseId, p.lessonsDone, p.lessonsTotal, p.completed])).toEqual([
      [courses[0]!.id, 0, 2, false],
      [courses[1]!.id, 0, 2, false],
    ]);
    const enrolled = await runtime.database.db
      .select({ courseId: enrolments.courseId })
      .from(enrolments)
      .where(eq(enrolments.userId, first.userId));
    expect(enrolled.map((e) => e.courseId).sort()).toEqual(courses.map((c) => c.id).sort());
    // Joining twice changes nothing.
    expect(await services.programmes.enrol(first, cohort.id, "en")).toMatchObject({ participantCount: 1, viewer: { participant: true } });

    const second = await createSignedInUser(services);
    const full = await failure(services.programmes.enrol(second, cohort.id, "en"));
    expect(full.status).toBe(409);
    expect(translateError(full, "en").fields[0]?.message).toBe("The cohort has no seats left, and 1 person would join.");
    expect((await services.programmes.getCohort(second, cohort.id, "en")).viewer.canEnrol).toBe(false);
  });

  it("refuse self-enrolment in a nomination cohort and strangers in an invitation cohort", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "nomination" });
    expect((await failure(services.programmes.enrol(await createSignedInUser(services), cohort.id, "en"))).status).toBe(409);
    const invitation = (await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "invitation" })).cohort;
    const guest = await createSignedInUser(services);
    expect((await failure(services.programmes.enrol(guest, invitation.id, "en"))).status).toBe(403);
    await services.programmes.invite(centreStaff, invitation.id, { emails: [guest.email.toUpperCase()] }, "en");
    await runtime.deliverMail();
    expect(runtime.mailer.sent.at(-1)?.to).toBe(guest.email);
    expect((await services.programmes.getCohort(guest, invitation.id, "en")).viewer.canEnrol).toBe(true);
    expect((await services.programmes.enrol(guest, invitation.id, "en")).viewer.participant).toBe(true);
  });
});

describe("capacity", () => {
  it("cannot be lowered below the people taking part", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 3 });
    for (const person of await Promise.all([1, 2].map(() => createSignedInUser(services)))) {
      await services.programmes.enrol(person, cohort.id, "en");
    }
    const refused = await refusal(services.programmes.updateCohort(centreStaff, cohort.id, { capacity: 1 }, "en"));
    expect(refused).toMatchObject({
      status: 400,
      fields: [{ path: "capacity", message: "More people already take part than this capacity allows." }],
    });
    expect((await services.programmes.getCohort(centreStaff, cohort.id, "en")).capacity).toBe(3);
    expect((await services.programmes.updateCohort(centreStaff, cohort.id, { capacity: 2 }, "en")).seatsLeft).toBe(0);
  });
});

describe("a change to a cohort", () => {
  it("changes only the fields it names: the quota, status and facilitators stay", async () => {
    const services = runtime.services;
    const facilitator = await createSignedInUser(services);
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "nomination", capacity: 30 });
    await services.programmes.updateCohort(
      centreStaff,
      cohort.id,
      { institutionQuota: 5, status: "planned", facilitatorEmails: [facilitator.email] },
      "en",
    );
    const renamed = await services.programmes.updateCohort(centreStaff, cohort.id, { name: "Renamed cohort" }, "en");
    expect(renamed).toMatchObject({ name: "Renamed cohort", institutionQuota: 5, status: "planned", capacity: 30 });
    expect((await services.programmes.getCohort(centreStaff, cohort.id, "en")).facilitatorEmails).toEqual([facilitator.email]);
  });
});

describe("someone who left a course", () => {
  it("is back in it, progress kept, when admitted to a cohort that contains it", async () => {
    const services = runtime.services;
    const { cohort, courses } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const course = courses[0]!;
    const lesson = course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind !== "quiz")!;
    const person = await createSignedInUser(services);
    await services.learning.enrol(person, course.slug);
    // A lesson done (written directly: marking it done through the player could complete the course).
    const [enrolment] = await runtime.database.db.select().from(enrolments).where(eq(enrolments.userId, person.userId));
    await runtime.database.db.insert(lessonProgress).values({ enrolmentId: enrolment!.id, lessonId: lesson.id });
    await services.learning.withdraw(person, course.slug);
    expect(await services.learning.enrolmentIn(person, course.slug)).toBeNull();

    const joined = await services.programmes.enrol(person, cohort.id, "en");
    expect(joined.progress?.[0]).toMatchObject({ courseId: course.id, lessonsDone: 1 });
    expect(await services.learning.enrolmentIn(person, course.slug)).toMatchObject({ status: "active", progress: { done: 1 } });
    // Their own cohort's course opens for them.
    expect((await services.learning.player(person, course.slug, lesson.id, "en")).lesson.id).toBe(lesson.id);
  });
});

describe("bulk nominations", () => {
  it("previews (which tell who has an account) are limited to 10 unconfirmed per person in 15 minutes", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId);
    const prober = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
    const upload = { fileName: "probe.csv", bytes: nominationCsv([["Someone", `probe-${crypto.randomUUID()}@savannah.test`, "", ""]]) };
    for (let i = 0; i < 10; i++) await services.programmes.previewNominations(prober, cohort.id, upload, "en");
    expect(await failure(services.programmes.previewNominations(prober, cohort.id, upload, "en"))).toMatchObject({
      code: "rate_limited",
      status: 429,
    });
    runtime.clock.advance(16 * 60_000);
    await expect(services.programmes.previewNominations(prober, cohort.id, upload, "en")).resolves.toMatchObject({ validCount: 1 });
  });

  it("preview every row's problem and save nothing", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { institutionQuota: 4 });
    const known = await createSignedInUser(services);
    await services.programmes.nominate(savannahAdmin, cohort.id, { name: known.name, email: known.email }, "en");
    const before = { nominations: await countOf(nominations), users: await countOf(users) };
    const preview = await services.programmes.previewNominations(
      savannahAdmin,
      cohort.id,
      {
        fileName: "staff.csv",
        bytes: nominationCsv([
          ["Ama Mensah", "ama@savannah.test", "Maths", "Lecturer"],
          ["", "noname@savannah.test", "", ""],
          ["Bad Email", "not-an-email", "", ""],
          ["Ama Again", "AMA@savannah.test", "", ""],
          [known.name, known.email, "", ""],
          ["Kofi", "kofi@savannah.test", "", ""],
          ["Esi", "esi@savannah.test", "", ""],
          ["Yaw", "yaw@savannah.test", "", ""],
        ]),
      },
      "en",
    );
    expect(preview.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, ["missing_name"]],
      [4, ["invalid_email"]],
      [5, ["duplicate_in_file"]],
      [6, ["already_nominated"]],
      [7, []],
      [8, []],
      [9, ["over_quota"]],
    ]);
    expect(preview).toMatchObject({ validCount: 3, problemCount: 5, quota: { limit: 4, used: 1, left: 3 } });
    expect(preview.rows[4]?.hasAccount).toBe(true);
    expect({ nominations: await countOf(nominations), users: await countOf(users) }).toEqual(before);

    // The stored preview is the uploader's alone.
    expect((await failure(services.programmes.getNominationPreview(lakesideAdmin, preview.uploadId, "en"))).status).toBe(404);
    expect((await services.programmes.getNominationPreview(savannahAdmin, preview.uploadId, "en")).validCount).toBe(3);

    await runtime.deliverMail();
    const sentBefore = runtime.mailer.sent.length;
    const result = await services.programmes.confirmNominations(savannahAdmin, preview.uploadId, "fr");
    expect(result).toEqual({ nominated: 3, accountsCreated: 3, skipped: 5 });
    await runtime.deliverMail();
    const invitations = runtime.mailer.sent.slice(sentBefore);
    expect(invitations.map((m) => m.to).sort()).toEqual(["ama@savannah.test", "esi@savannah.test", "kofi@savannah.test"]);
    // In the language of the page the administrator confirmed from, with a working set-password link.
    const link = /\/fr\/reset-password\/([A-Za-z0-9_-]+)/.exec(invitations[0]!.text)?.[1];
    expect(link).toBeTruthy();
    const { sessionToken } = await services.identity.resetPassword({ token: link!, password: "a new password for ama" });
    expect(await services.identity.authenticate({ sessionToken })).toMatchObject({ locale: "fr" });
    // Confirming is once: the upload is gone.
    expect((await failure(services.programmes.confirmNominations(savannahAdmin, preview.uploadId, "en"))).status).toBe(404);
    const listed = await services.programmes.listNominations(savannahAdmin, cohort.id, {}, "en");
    expect(listed.filter((n) => n.status === "pending")).toHaveLength(4);
    expect(listed.find((n) => n.user.email === "ama@savannah.test")).toMatchObject({ department: "Maths", jobTitle: "Lecturer" });
  });

  it("are for one's own institution, for nomination cohorts only", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId);
    const upload = { fileName: "x.csv", bytes: nominationCsv([["A", "a@x.test", "", ""]]) };
    expect(
      (await failure(services.programmes.previewNominations(lakesideAdmin, cohort.id, { ...upload, institutionId: savannah.id }, "en")))
        .status,
    ).toBe(403);
    expect((await failure(services.programmes.previewNominations(learner(), cohort.id, upload, "en"))).status).toBe(403);
    expect(
      (
        await failure(
          services.programmes.nominate(lakesideAdmin, cohort.id, { institutionId: savannah.id, name: "A", email: "a@x.test" }, "en"),
        )
      ).status,
    ).toBe(403);
    const open = (await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" })).cohort;
    expect((await failure(services.programmes.previewNominations(savannahAdmin, open.id, upload, "en"))).status).toBe(409);
    // A bad file is refused before anything is stored.
    const uploads = await countOf(nominationUploads);
    const bad = await failure(
      services.programmes.previewNominations(savannahAdmin, cohort.id, { fileName: "x.csv", bytes: new Uint8Array() }, "en"),
    );
    expect(translateError(bad, "en").fields[0]).toMatchObject({ path: "file", message: "The file is empty." });
    expect(await countOf(nominationUploads)).toBe(uploads);
  });

  it("preview 5,000 rows with the same handful of queries as 5 rows, in seconds", async () => {
    const services = runtime.services;
    const db = runtime.database.db;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 10_000 });
    await runtime.deliverMail();
    const preview = async (count: number) => {
      const rows = Array.from({ length: count }, (_, i) => [`Person ${i}`, `person${i}.${count}@bulk.test`, "Dept", "Lecturer"]);
      const spies = [vi.spyOn(db, "select"), vi.spyOn(db, "insert"), vi.spyOn(db, "delete"), vi.spyOn(db, "execute")];
      try {
        const started = performance.now();
        const result = await services.programmes.previewNominations(
          savannahAdmin,
          cohort.id,
          { fileName: "big.csv", bytes: nominationCsv(rows) },
          "en",
        );
        const queries = spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
        return { validCount: result.validCount, queries, elapsed: performance.now() - started };
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    };
    const small = await preview(5);
    const big = await preview(5000);
    expect(big.validCount).toBe(5000);
    expect(small.queries).toBeGreaterThan(0);
    expect(big.queries).toBe(small.queries);
    expect(big.queries).toBeLessThanOrEqual(10);
    expect(big.elapsed).toBeLessThan(5000);
  });
});

describe("decisions", () => {
  it("approve into the cohort and its courses, within capacity, by the owner centre's staff only", async () => {
    const services = runtime.services;
    const { cohort, courses } = await createProgrammeWithCohort(runtime, centreId, { capacity: 2, institutionQuota: 3 });
    const nominees = [];
    for (const name of ["One", "Two", "Three"]) {
      nominees.push(
        await services.programmes.nominate(
          savannahAdmin,
          cohort.id,
          {
            name,
            email: `${name.toLowerCase()}.${cohort.id.slice(0, 6)}@savannah.test`,
          },
          "en",
        ),
      );
    }
    const ids = nominees.map((n) => n.id);
    expect(
      (await failure(services.programmes.decide(centreStaffOf(otherCentreId), { nominationIds: ids, decision: "approved" }, "en"))).status,
    ).toBe(403);
    expect((await failure(services.programmes.decide(savannahAdmin, { nominationIds: ids, decision: "approved" }, "en"))).status).toBe(403);

    const over = await failure(services.programmes.decide(centreStaff, { nominationIds: ids, decision: "approved" }, "en"));
    expect(over.status).toBe(409);
    expect(translateError(over, "en").fields[0]?.message).toBe("The cohort has 2 seats left, and 3 people would join.");
    const participants = () =>
      runtime.database.db.select({ n: count() }).from(cohortParticipants).where(eq(cohortParticipants.cohortId, cohort.id));
    expect((await participants())[0]!.n).toBe(0);
    expect((await services.programmes.listNominations(centreStaff, cohort.id, {}, "en")).every((n) => n.status === "pending")).toBe(true);

    await runtime.deliverMail();
    const sentBefore = runtime.mailer.sent.length;
    const decided = await services.programmes.decide(centreStaff, { nominationIds: ids.slice(0, 2), decision: "approved" }, "en");
    await runtime.deliverMail();
    expect(decided.map((n) => n.status)).toEqual(["approved", "approved"]);
    expect((await participants())[0]!.n).toBe(2);
    const person = nominees[0]!.user.id;
    const enrolled = await runtime.database.db
      .select({ courseId: enrolments.courseId })
      .from(enrolments)
      .where(eq(enrolments.userId, person));
    expect(enrolled.map((e) => e.courseId).sort()).toEqual(courses.map((c) => c.id).sort());
    // Only the approval that committed wrote mail: the one refused for want of seats sent nothing.
    expect(runtime.mailer.sent.slice(sentBefore).map((m) => m.subject)).toEqual([
      expect.stringContaining("Your place is confirmed"),
      expect.stringContaining("Your place is confirmed"),
    ]);

    expect((await failure(services.programmes.decide(centreStaff, { nominationIds: [ids[0]!], decision: "declined" }, "en"))).status).toBe(
      409,
    );
    expect((await services.programmes.decide(centreStaff, { nominationIds: [ids[2]!], decision: "declined" }, "en"))[0]?.status).toBe(
      "declined",
    );
    // A declined nomination frees its place in the institution's quota: a fourth person may be put forward.
    const fourth = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      { name: "Four", email: `four.${cohort.id.slice(0, 6)}@savannah.test` },
      "en",
    );
    expect(fourth.status).toBe("pending");
    // The centre's cohort page lists the participants with their institution; the institution's administrator does not see them.
    const page = await services.programmes.getCohort(centreStaff, cohort.id, "en");
    expect(page.participants?.map((p) => p.institution?.name)).toEqual(["Savannah Test University", "Savannah Test University"]);
    expect((await services.programmes.getCohort(savannahAdmin, cohort.id, "en")).participants).toBeNull();
  });

  it("decide each nomination once: a second decision, the same or the other, is refused and changes nothing", async () => {
    const services = runtime.services;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 5 });
    const stamp = cohort.id.slice(0, 6);
    const nominee = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      { name: "Esi", email: `esi.${stamp}@savannah.test` },
      "en",
    );
    const approve = () => services.programmes.decide(centreStaff, { nominationIds: [nominee.id], decision: "approved" }, "en");
    const decline = () => services.programmes.decide(centreStaff, { nominationIds: [nominee.id], decision: "declined" }, "en");
    expect((await approve())[0]).toMatchObject({ status: "approved" });
    await runtime.deliverMail();
    const sentBefore = runtime.mailer.sent.length;
    for (const again of [approve, decline]) {
      expect(await refusal(again())).toMatchObject({
        status: 409,
        fields: [{ path: "nominationIds", message: "Some of these nominations were already decided. Reload the page." }],
      });
    }
    await runtime.deliverMail();
    expect(runtime.mailer.sent.length).toBe(sentBefore);
    expect((await services.programmes.getCohort(centreStaff, cohort.id, "en")).participantCount).toBe(1);
    expect((await services.programmes.listNominations(centreStaff, cohort.id, {}, "en")).map((n) => n.status)).toEqual(["approved"]);
  });

  it("admit nobody into a cancelled or completed cohort, and may still decline there", async () => {
    const services = runtime.services;
    for (const status of ["cancelled", "completed"] as const) {
      const { cohort } = await createProgrammeWithCohort(runtime, centreId, { capacity: 5 });
      const stamp = `${status}.${cohort.id.slice(0, 6)}`;
      const [kofi, ama] = [
        await services.programmes.nominate(savannahAdmin, cohort.id, { name: "Kofi", email: `kofi.${stamp}@savannah.test` }, "en"),
        await services.programmes.nominate(savannahAdmin, cohort.id, { name: "Ama", email: `ama.${stamp}@savannah.test` }, "en"),
      ];
      await services.programmes.updateCohort(centreStaff, cohort.id, { status }, "en");
      const refused = await refusal(services.programmes.decide(centreStaff, { nominationIds: [kofi!.id], decision: "approved" }, "en"));
      expect(refused).toMatchObject({ status: 409, fields: [{ path: "cohort", message: "This cohort is not open for enrolment." }] });
      expect((await services.programmes.getCohort(centreStaff, cohort.id, "en")).participantCount).toBe(0);
      const declined = await services.programmes.decide(centreStaff, { nominationIds: [ama!.id], decision: "declined" }, "en");
      expect(declined.map((n) => n.status)).toEqual(["declined"]);
      expect((await services.programmes.listNominations(centreStaff, cohort.id, { status: "pending" }, "en")).map((n) => n.id)).toEqual([
        kofi!.id,
      ]);
    }
  });

  it("tell each declined person kindly, in their own language, that their institution may nominate them again", async () => {
    const services = runtime.services;
    const { cohort, programme } = await createProgrammeWithCohort(runtime, centreId);
    const stamp = cohort.id.slice(0, 6);
    const amina = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      { name: "Amina", email: `amina.${stamp}@savannah.test` },
      "en",
    );
    const pierre = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      { name: "Pierre", email: `pierre.${stamp}@savannah.test` },
      "en",
    );
    await runtime.database.db.update(users).set({ locale: "fr" }).where(eq(users.id, pierre.user.id));
    await runtime.deliverMail();
    const sentBefore = runtime.mailer.sent.length;

    await services.programmes.decide(centreStaff, { nominationIds: [amina.id, pierre.id], decision: "declined" }, "en");
    await runtime.deliverMail();
    const mails = runtime.mailer.sent.slice(sentBefore);
    expect(mails.map((m) => m.to).sort()).toEqual([amina.user.email, pierre.user.email]);
    const toAmina = mails.find((m) => m.to === amina.user.email)!;
    expect(toAmina.subject).toBe(`About your nomination: ${programme.title}`);
    expect(toAmina.text).toContain(`Hello Amina,`);
    expect(toAmina.text).toContain(`a place in the cohort “${cohort.name}”, for which Savannah Test University nominated you.`);
    expect(toAmina.text).toContain("Savannah Test University may nominate you again for a later cohort");
    expect(toAmina.text).toContain(`http://orbis.test/en/programmes/${programme.slug}`);
    const toPierre = mails.find((m) => m.to === pierre.user.email)!;
    expect(toPierre.subject).toBe(`Votre proposition : ${programme.title}`);
    expect(toPierre.text).toContain("Savannah Test University pourra vous proposer de nouveau pour une promotion ultérieure");
    expect(toPierre.text).toContain(`http://orbis.test/fr/programmes/${programme.slug}`);

    // A decision refused as a whole writes no mail.
    expect((await failure(services.programmes.decide(centreStaff, { nominationIds: [amina.id], decision: "declined" }, "en"))).status).toBe(
      409,
    );
    await runtime.deliverMail();
    expect(runtime.mailer.sent.length).toBe(sentBefore + 2);
  });
});

describe("reports", () => {
  it("count nominations, enrolments and completions by institution and country, and export them safely", async () => {
    const services = runtime.services;
    const { cohort, courses } = await createProgrammeWithCohort(runtime, centreId);
    const ghana = await services.programmes.nominate(
      savannahAdmin,
      cohort.id,
      {
        name: '=HYPERLINK("http://evil")',
        email: "evil@savannah.test",
      },
      "en",
    );
    const kenya = await services.programmes.nominate(
      lakesideAdmin,
      cohort.id,
      {
        name: "Otieno",
        email: "otieno@lakeside.test",
        department: "ICT",
      },
      "en",
    );
    await services.programmes.nominate(lakesideAdmin, cohort.id, { name: "Akinyi", email: "akinyi@lakeside.test" }, "en");
    await services.programmes.decide(centreStaff, { nominationIds: [ghana.id, kenya.id], decision: "approved" }, "en");
    // Otieno completes the required course.
    await runtime.database.db
      .update(enrolments)
      .set({ status: "completed", completedAt: new Date() })
      .where(and(eq(enrolments.userId, kenya.user.id), eq(enrolments.courseId, courses[0]!.id)));

    const report = await services.programmes.cohortReport(centreStaff, cohort.id, "en");
    expect(report.scope).toBe("cohort");
    expect(report.totals).toMatchObject({ nominated: 3, approved: 2, enrolled: 2, completed: 1, coursesCompleted: 1 });
    expect(report.byCountry.map((c) => [c.country, c.nominated, c.enrolled, c.completed])).toEqual([
      ["KE", 2, 1, 1],
      ["GH", 1, 1, 0],
    ]);
    expect(report.byInstitution.map((i) => i.institution?.name)).toEqual(["Lakeside Test University", "Savannah Test University"]);

    const own = await services.programmes.cohortReport(lakesideAdmin, cohort.id, "en");
    expect(own.scope).toBe("institution");
    expect(own.people.map((p) => p.name).sort()).toEqual(["Akinyi", "Otieno"]);
    expect((await failure(services.programmes.cohortReport(learner(), cohort.id, "en"))).status).toBe(403);

    const csv = (await reportFile(report, "csv", "en")).body.toString("utf8");
    expect(csv.startsWith("\uFEFFName,Email,Institution")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const xlsx = await reportFile(report, "xlsx", "ru");
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
  });
});

describe("live sessions", () => {
  it("link the centre's events to a cohort's schedule and count who attended them", async () => {
    const services = runtime.services;
    const db = runtime.database.db;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const event = async (centre: string, title: string) => {
      const [row] = await db
        .insert(events)
        .values({
          slug: `session-${crypto.randomUUID().slice(0, 8)}`,
          kind: "training_session",
          centreId: centre,
          defaultLocale: "en",
          startsAt: new Date("2030-03-05T09:00:00Z"),
          endsAt: new Date("2030-03-05T11:00:00Z"),
          timeZone: "Africa/Accra",
          mode: "online",
          checkInCode: "123456",
        })
        .returning({ id: events.id });
      await db.insert(eventTranslations).values({ eventId: row!.id, locale: "en", title });
      return row!.id;
    };
    const session = await event(centreId, "Kick-off webinar");
    const elsewhere = await event(otherCentreId, "Another centre's webinar");
    const linked = await services.programmes.linkSession(centreStaff, cohort.id, session, "en");
    expect(linked.sessions.map((s) => s.title)).toEqual(["Kick-off webinar"]);
    const refused = await failure(services.programmes.linkSession(centreStaff, cohort.id, elsewhere, "en"));
    expect(refused.fields[0]).toMatchObject({ path: "eventId" });
    expect((await failure(services.programmes.linkSession(centreStaffOf(otherCentreId), cohort.id, session, "en"))).status).toBe(403);

    const participant = await createSignedInUser(services);
    await services.programmes.enrol(participant, cohort.id, "en");
    await db
      .insert(eventRegistrations)
      .values({ eventId: session, userId: participant.userId, status: "registered", attendedAt: new Date() });
    const report = await services.programmes.cohortReport(centreStaff, cohort.id, "en");
    expect(report).toMatchObject({ sessionsTotal: 1, totals: { enrolled: 1, sessionsAttended: 1 } });
    expect((await services.programmes.unlinkSession(centreStaff, cohort.id, session, "en")).sessions).toEqual([]);
  });
});
