import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { completeCourse, createCertification, pdfBytes, practicum } from "../../../tests/factories/certifications.ts";
import { createPublishedFramework } from "../../../tests/factories/competencies.ts";
import { createCentre, secretariat } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort, nominationCsv } from "../../../tests/factories/programmes.ts";
import { createSignedInUser, createUser } from "../../../tests/factories/users.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { CourseDto } from "../catalogue/dto.ts";
import { credentialsBySourceKey } from "../credentials/queries.ts";
import type { Actor } from "../shared/actor.ts";
import type { ConditionProgressDto, ProgressNodeDto } from "./dto.ts";

let runtime: TestRuntime;
let centreId: string;
let course: CourseDto;
/** Real accounts: who decided and who changed a status are kept as references to users. */
let staff: Actor;
let admin: Actor;
const DAY = 86_400_000;

const conditions = (node: ProgressNodeDto): ConditionProgressDto[] => (node.kind === "group" ? node.rules.flatMap(conditions) : [node]);
const upload = (learner: Actor, ref: string, key = "practicum", bytes = pdfBytes(), fileName = "report.pdf") =>
  runtime.services.certifications.submitEvidence(learner, ref, { conditionKey: key, fileName, bytes, note: "My practicum" });

beforeAll(async () => {
  runtime = await createTestRuntime();
  centreId = (await createCentre(runtime.services)).id;
  course = await createCourse(runtime.services, centreId);
  staff = await createSignedInUser(runtime.services, { roles: [{ role: "centre_staff", organisationId: centreId }] });
  admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centreId }] });
});

afterAll(async () => {
  await runtime?.close();
});

describe("defining certifications", () => {
  test("a centre's admins define its certifications; others are refused and bad rules change nothing", async () => {
    const made = await createCertification(
      runtime.services,
      centreId,
      { kind: "course", key: "c", courseId: course.id, version: null },
      {},
      admin,
    );
    expect(made).toMatchObject({ status: "active", canManage: true, owner: { id: centreId } });
    const outsider = await createSignedInUser(runtime.services);
    expect(await refusal(createCertification(runtime.services, centreId, practicum(), {}, outsider))).toMatchObject({ status: 403 });
    const twice = { kind: "group" as const, op: "all" as const, rules: [practicum("a"), practicum("a")] };
    const duplicate = await refusal(createCertification(runtime.services, centreId, twice, {}, admin));
    expect(duplicate).toMatchObject({ status: 400, code: "validation_failed" });
    expect(JSON.stringify(duplicate.fields)).toContain("Each condition needs its own key.");
    const impossible = { kind: "group" as const, op: "atLeast" as const, n: 3, rules: [practicum("a"), practicum("b")] };
    expect(await refusal(createCertification(runtime.services, centreId, impossible, {}, admin))).toMatchObject({ status: 400 });
  });

  test("texts fall back to the certification's own language until a translation is ready", async () => {
    const made = await createCertification(runtime.services, centreId, practicum());
    const c = runtime.services.certifications;
    await c.translateCertification(secretariat(), made.id, { locale: "fr", title: "Certificat d’essai", status: "draft" }, "en");
    expect((await c.getCertification(null, made.slug, "fr")).title).toBe(made.title);
    await c.translateCertification(secretariat(), made.id, { locale: "fr", title: "Certificat d’essai", status: "ready" }, "en");
    expect((await c.getCertification(null, made.slug, "fr")).title).toBe("Certificat d’essai");
    const draft = await createCertification(runtime.services, centreId, practicum(), { status: "draft" });
    expect(await refusal(c.getCertification(null, draft.slug, "en"))).toMatchObject({ status: 404 });
  });
});

describe("progress, evidence, assessment and issuance", () => {
  test("a course and an assessed practicum: awarded once, after the assessor's approval", async () => {
    const c = runtime.services.certifications;
    const cert = await createCertification(runtime.services, centreId, {
      kind: "group",
      op: "all",
      rules: [{ kind: "course", key: "course", courseId: course.id, version: null }, practicum()],
    });
    const learner = await createSignedInUser(runtime.services);
    let progress = await c.myProgress(learner, cert.slug, "en");
    expect(progress.met).toBe(false);
    expect(conditions(progress.progress).map((p) => [p.key, p.met, p.href])).toEqual([
      ["course", false, `/en/courses/${course.slug}`],
      ["practicum", false, "#evidence-practicum"],
    ]);

    await completeCourse(runtime, learner, course);
    await c.issueDue();
    progress = await c.myProgress(learner, cert.slug, "en");
    expect(conditions(progress.progress).map((p) => p.met)).toEqual([true, false]);
    expect(progress.award).toBeNull();

    // The upload rules: type sniffed from the bytes, size capped.
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect(await refusal(upload(learner, cert.slug, "practicum", html, "report.pdf"))).toMatchObject({ status: 415 });
    expect(await refusal(upload(learner, cert.slug, "practicum", new Uint8Array(6 * 1024 * 1024), "report.pdf"))).toMatchObject({
      status: 413,
    });
    expect(await refusal(upload(learner, cert.slug, "course"))).toMatchObject({ status: 400 });
    const sent = await upload(learner, cert.slug);

    const assessor = staff;
    const queue = await c.evidenceQueue(assessor, "en");
    const item = queue.find((e) => e.id === sent.id);
    expect(item).toMatchObject({ status: "submitted", fileName: "report.pdf", mimeType: "application/pdf", passMark: 5 });
    expect(item?.rubric.map((r) => r.name)).toEqual(["Lesson plan", "Delivery"]);

    // Someone else's evidence is not theirs to see or decide.
    const other = await createSignedInUser(runtime.services);
    expect(await refusal(c.getEvidence(other, sent.id, "en"))).toMatchObject({ status: 404 });
    expect(await refusal(c.openEvidenceFile(other, sent.id))).toMatchObject({ status: 404 });
    expect(
      await refusal(c.decideEvidence(learner, sent.id, { decision: "approve", scores: { plan: 4, delivery: 4 } }, "en")),
    ).toMatchObject({ status: 403 });
    const below = await refusal(c.decideEvidence(assessor, sent.id, { decision: "approve", scores: { plan: 2, delivery: 2 } }, "en"));
    expect(below).toMatchObject({ status: 400 });
    expect(JSON.stringify(below.fields)).toContain("approving needs at least 5");
    expect(await refusal(c.decideEvidence(assessor, sent.id, { decision: "approve", scores: { plan: 4 } }, "en"))).toMatchObject({
      status: 400,
    });
    expect((await c.getEvidence(learner, sent.id, "en")).status).toBe("submitted");

    const decided = await c.decideEvidence(
      assessor,
      sent.id,
      { decision: "approve", scores: { plan: 3, delivery: 3 }, comment: "Well planned." },
      "en",
    );
    expect(decided).toMatchObject({ status: "approved", comment: "Well planned." });
    expect(
      await refusal(c.decideEvidence(assessor, sent.id, { decision: "reject", scores: { plan: 0, delivery: 0 } }, "en")),
    ).toMatchObject({ status: 409 });

    progress = await c.myProgress(learner, cert.slug, "en");
    expect(progress.met).toBe(true);
    expect(progress.award).toMatchObject({ cycle: 1, status: "active", source: "rules", expired: false });
    expect(progress.award?.validUntil).toBe(new Date(runtime.clock.now.getTime()).toISOString().replace(/^2026/, "2027"));
    // Idempotent: the job and the learner's own claim find the award made.
    await c.issueDue();
    expect((await c.claimAward(learner, cert.slug, "en")).award?.id).toBe(progress.award?.id);
    expect((await c.myAwards(learner)).filter((a) => a.certificationId === cert.id)).toHaveLength(1);

    await runtime.deliverMail();
    const mail = runtime.mailer.sent.filter((m) => m.to === learner.email && m.subject.includes(cert.title));
    expect(mail.map((m) => m.subject)).toEqual([`You have been awarded: ${cert.title}`]);
  });

  test("revocation and suspension with a reason; a suspension is lifted, a revocation is final", async () => {
    const c = runtime.services.certifications;
    const cert = await createCertification(runtime.services, centreId, {
      kind: "course",
      key: "course",
      courseId: course.id,
      version: null,
    });
    const learner = await createSignedInUser(runtime.services);
    await completeCourse(runtime, learner, course);
    const { award } = await c.claimAward(learner, cert.slug, "en");
    const id = award?.id as string;
    expect(await refusal(c.changeAwardStatus(learner, id, { action: "revoke", reason: "No." }))).toMatchObject({ status: 403 });
    expect(await refusal(c.changeAwardStatus(admin, id, { action: "revoke", reason: "" }))).toMatchObject({ status: 400 });
    // Each award cycle is a signed credential keyed by the award; its status follows the award's.
    const credential = async () =>
      (await credentialsBySourceKey(runtime.database.db, [`certification-award:${id}`])).get(`certification-award:${id}`);
    expect(award?.credentialId).toBe((await credential())?.credentialId);
    expect(await credential()).toMatchObject({ revoked: false, suspended: false });
    const suspended = await c.changeAwardStatus(admin, id, { action: "suspend", reason: "Under review" });
    expect(suspended).toMatchObject({ status: "suspended", statusReason: "Under review" });
    expect(await credential()).toMatchObject({ revoked: false, suspended: true });
    expect((await c.changeAwardStatus(admin, id, { action: "reinstate", reason: "Cleared" })).status).toBe("active");
    expect(await credential()).toMatchObject({ revoked: false, suspended: false });
    expect((await c.changeAwardStatus(staff, id, { action: "revoke", reason: "Plagiarism" })).status).toBe("revoked");
    expect(await credential()).toMatchObject({ revoked: true });
    expect(await refusal(c.changeAwardStatus(admin, id, { action: "reinstate", reason: "Oops" }))).toMatchObject({ status: 409 });
    // A revoked award is not given again by the rules.
    await c.issueDue();
    expect((await c.myAwards(learner)).filter((a) => a.certificationId === cert.id)).toHaveLength(1);
    expect((await c.myProgress(learner, cert.slug, "en")).award).toMatchObject({ status: "revoked", statusReason: "Plagiarism" });
  });

  test("expiry: one reminder before it, then a new cycle when the rules are met again", async () => {
    const c = runtime.services.certifications;
    const cert = await createCertification(runtime.services, centreId, practicum(), { validityMonths: 1, reminderDays: 10 });
    const learner = await createSignedInUser(runtime.services, { locale: "fr" });
    const assessor = staff;
    const first = await upload(learner, cert.slug);
    await c.decideEvidence(assessor, first.id, { decision: "approve", scores: { plan: 3, delivery: 3 } }, "en");
    const award = (await c.myProgress(learner, cert.slug, "en")).award;
    expect(award).toMatchObject({ cycle: 1 });

    expect(await c.sendExpiryReminders()).toBe(0);
    runtime.clock.advance(25 * DAY);
    expect(await c.sendExpiryReminders()).toBe(1);
    expect(await c.sendExpiryReminders()).toBe(0);
    await runtime.deliverMail();
    const reminder = runtime.mailer.sent.find((m) => m.to === learner.email && m.subject.startsWith("Votre certification expire"));
    expect(reminder?.text).toContain(`/fr/certifications/${cert.slug}`);

    // Within the window: renewable, but the practicum approved for the first cycle does not count again.
    const progress = await c.myProgress(learner, cert.slug, "en");
    expect(progress).toMatchObject({ renewable: true, met: false });
    const second = await upload(learner, cert.slug);
    await c.decideEvidence(assessor, second.id, { decision: "approve", scores: { plan: 4, delivery: 4 } }, "en");
    const renewed = (await c.myProgress(learner, cert.slug, "en")).award;
    expect(renewed).toMatchObject({ cycle: 2, status: "active" });
    // The new cycle runs on from the end of the one before.
    expect(new Date(renewed?.validUntil as string).getTime()).toBeGreaterThan(new Date(award?.validUntil as string).getTime());
    runtime.clock.advance(-25 * DAY);
  });

  test("a competency is shown by completing a course aligned to it at the level", async () => {
    const c = runtime.services.certifications;
    const { framework } = await createPublishedFramework(runtime.services);
    const item = framework.items.find((i) => i.code === "2.A")!;
    const aligned = await createCourse(runtime.services, centreId);
    await runtime.services.competencies.align(secretariat(), { itemId: item.id, target: "course", targetId: aligned.id }, "en");
    const cert = await createCertification(
      runtime.services,
      centreId,
      { kind: "competency", key: "digital", itemId: item.id, levelId: null },
      { alignedItemIds: [item.id] },
    );
    expect(cert.alignments.map((a) => a.name)).toEqual(["Basic knowledge"]);
    const learner = await createSignedInUser(runtime.services);
    const before = conditions((await c.myProgress(learner, cert.slug, "en")).progress)[0];
    expect(before).toMatchObject({ met: false, label: "2.A Basic knowledge", href: `/en/courses/${aligned.slug}` });
    await completeCourse(runtime, learner, aligned);
    expect(await c.issueDue()).toBeGreaterThanOrEqual(1);
    expect((await c.myProgress(learner, cert.slug, "en")).award?.cycle).toBe(1);
  });
});

describe("bulk issuance for a cohort", () => {
  test("a CSV is previewed row by row, then confirmed once", async () => {
    const c = runtime.services.certifications;
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", startsOn: "2026-03-01" });
    const cert = await createCertification(runtime.services, centreId, { kind: "cohort", key: "cohort", cohortId: cohort.id });
    const inCohort = await createSignedInUser(runtime.services);
    await runtime.services.programmes.enrol(inCohort, cohort.id, "en");
    const notIn = await createUser(runtime.services);
    const csv = nominationCsv([
      ["In Cohort", inCohort.email, "", ""],
      ["Not In", notIn.email, "", ""],
      ["Nobody", "nobody@orbis.test", "", ""],
      ["Again", inCohort.email.toUpperCase(), "", ""],
    ]);
    expect(
      await refusal(c.previewBulkAwards(inCohort, cert.slug, { cohortId: cohort.id, fileName: "list.csv", bytes: csv }, "en")),
    ).toMatchObject({ status: 403 });
    const preview = await c.previewBulkAwards(staff, cert.slug, { cohortId: cohort.id, fileName: "list.csv", bytes: csv }, "en");
    expect(preview.rows.map((r) => r.problem)).toEqual([null, "notInCohort", "noAccount", "duplicate"]);
    expect(preview.validCount).toBe(1);
    expect((await c.listAwards(staff, cert.slug)).length).toBe(0);
    const confirmed = await c.confirmBulkAwards(staff, preview.uploadId);
    expect(confirmed.awarded).toBe(1);
    expect(confirmed.preview.rows[0]?.problem).toBe("alreadyHolds");
    expect(await refusal(c.confirmBulkAwards(staff, preview.uploadId))).toMatchObject({ status: 409 });
    const awards = await c.listAwards(staff, cert.slug);
    expect(awards.map((a) => [a.holder.email, a.source])).toEqual([[inCohort.email, "bulk"]]);
  });
});
