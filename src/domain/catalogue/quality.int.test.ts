import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approve, createCourse } from "../../../tests/factories/catalogue.ts";
import { actorWith, createCentre, learner, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser, createUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import { enrolments, lessonProgress } from "../learning/schema.ts";
import type { CentreDto } from "../network/dto.ts";
import type { Actor } from "../shared/actor.ts";
import type { RubricCriterionDto } from "./dto.ts";
import { courses, courseVersions, lessons, quizzes } from "./schema.ts";

let runtime: TestRuntime;
let kenya: CentreDto;
let serbia: CentreDto;
let kenyaAuthor: Actor;
let serbiaAuthor: Actor;
let essential: RubricCriterionDto;
let optional: RubricCriterionDto;

const services = () => runtime.services;
const workflow = () => runtime.services.workflow;

/** Full marks on the rubric, unless told otherwise per criterion. */
const scores = (overrides: Record<string, number> = {}) =>
  [essential, optional].map((c) => ({ criterionId: c.id, score: overrides[c.id] ?? c.maxScore }));

beforeAll(async () => {
  runtime = await createTestRuntime();
  kenya = await createCentre(services(), { slug: "q-kenya", name: "Quality Kenya Centre", country: "KE" });
  serbia = await createCentre(services(), { slug: "q-serbia", name: "Quality Serbia Centre", country: "RS" });
  kenyaAuthor = await createSignedInUser(services(), { roles: [{ role: "author", organisationId: kenya.id }], locale: "fr" });
  serbiaAuthor = actorWith({ role: "author", organisationId: serbia.id });
  essential = await services().rubric.createCriterion(
    secretariat(),
    {
      maxScore: 3,
      essential: true,
      translations: { en: { title: "Clear outcomes", description: "Learners know what they will do." }, fr: { title: "Acquis clairs" } },
    },
    "en",
  );
  optional = await services().rubric.createCriterion(
    secretariat(),
    {
      maxScore: 2,
      essential: false,
      translations: { en: { title: "Community" } },
    },
    "en",
  );
});

afterAll(async () => {
  await runtime?.close();
});

describe("the rubric", () => {
  test("the secretariat writes, reorders and retires criteria; texts fall back to English", async () => {
    const rubric = services().rubric;
    const extra = await rubric.createCriterion(
      secretariat(),
      { maxScore: 4, essential: false, translations: { en: { title: "Extra" } } },
      "en",
    );
    expect(extra.position).toBe(2);
    const moved = await rubric.updateCriterion(
      secretariat(),
      extra.id,
      { position: 0, translations: { ru: { title: "Дополнительно" } } },
      "en",
    );
    expect(moved.position).toBe(0);
    expect((await rubric.listCriteria("ru")).map((c) => c.title)).toEqual(["Дополнительно", "Clear outcomes", "Community"]);
    expect((await rubric.listCriteria("fr"))[1]!.title).toBe("Acquis clairs");
    await rubric.updateCriterion(secretariat(), extra.id, { active: false, position: 2 }, "en");
    expect((await rubric.listCriteria("en", { activeOnly: true })).map((c) => c.id)).toEqual([essential.id, optional.id]);
    expect((await rubric.listCriteria("en")).map((c) => c.active)).toEqual([true, true, false]);
  });

  test("only global staff write it, and English is required", async () => {
    const rubric = services().rubric;
    expect(
      (await failure(rubric.createCriterion(kenyaAuthor, { maxScore: 3, essential: true, translations: { en: { title: "Mine" } } }, "en")))
        .code,
    ).toBe("forbidden");
    const invalid = await failure(
      rubric.createCriterion(secretariat(), { maxScore: 11, essential: true, translations: { fr: { title: "Seul" } } }, "en"),
    );
    expect(invalid.code).toBe("validation_failed");
    expect(invalid.fields.map((f) => f.path).sort()).toEqual(["maxScore", "translations.en"]);
    expect((await failure(rubric.updateCriterion(secretariat(), crypto.randomUUID(), { essential: true }, "en"))).code).toBe("not_found");
  });
});

describe("the quality gate", () => {
  test("an author submits, a reviewer returns it with comments, then approves it: published, mailed, on record", async () => {
    const admin = await createUser(services(), { roles: [{ role: "centre_admin", organisationId: kenya.id }], locale: "ru" });
    const draft = await createCourse(services(), kenya.id, {
      actor: kenyaAuthor,
      publish: false,
      overrides: { title: "Gate keeping course" },
    });
    expect((await failure(workflow().submit(serbiaAuthor, draft.id))).code).toBe("forbidden");
    expect((await workflow().submit(kenyaAuthor, draft.id)).status).toBe("in_review");
    expect((await failure(workflow().submit(kenyaAuthor, draft.id))).status).toBe(409);
    // In review, the content is what the reviewer reads: it does not change.
    expect((await failure(services().catalogue.updateCourse(kenyaAuthor, draft.id, { estimatedHours: 9 }, "en"))).code).toBe(
      "wrong_status",
    );

    const scopedElsewhere = actorWith({ role: "reviewer", organisationId: serbia.id });
    const reviewer = await createSignedInUser(services(), {
      roles: [{ role: "reviewer", organisationId: kenya.id }],
      name: "Rita Reviewer",
    });
    expect((await failure(workflow().review(scopedElsewhere, draft.id, { decision: "approved", scores: scores() }))).code).toBe(
      "forbidden",
    );
    expect((await failure(workflow().review(kenyaAuthor, draft.id, { decision: "approved", scores: scores() }))).code).toBe("forbidden");
    const unscored = await failure(workflow().review(reviewer, draft.id, { decision: "approved", scores: scores().slice(1) }));
    expect(unscored.fields[0]?.path).toBe("scores");
    const essentialZero = await failure(
      workflow().review(reviewer, draft.id, { decision: "approved", scores: scores({ [essential.id]: 0 }) }),
    );
    expect(essentialZero).toMatchObject({ status: 400, fields: [{ path: "scores.0.score" }] });
    expect(translateError(essentialZero, "fr").fields[0]!.message).toContain("critère essentiel");
    const tooHigh = await failure(
      workflow().review(reviewer, draft.id, { decision: "returned", comment: "x", scores: scores({ [optional.id]: 3 }) }),
    );
    expect(tooHigh.fields[0]?.path).toBe("scores.1.score");
    const silent = await failure(workflow().review(reviewer, draft.id, { decision: "returned", scores: scores() }));
    expect(silent.fields[0]?.path).toBe("comment");

    await runtime.deliverMail();
    runtime.mailer.sent.length = 0;
    const returned = await workflow().review(reviewer, draft.id, {
      decision: "returned",
      comment: "Add a learning outcome to each module.",
      scores: [
        { criterionId: essential.id, score: 0, comment: "No outcomes yet." },
        { criterionId: optional.id, score: 1 },
      ],
    });
    expect(returned.status).toBe("draft");
    await runtime.deliverMail();
    const mails = runtime.mailer.sent.map((m) => [m.to, m.subject]);
    expect(mails).toContainEqual([admin.email, "Возвращён на доработку: Gate keeping course"]);
    expect(mails).toContainEqual([kenyaAuthor.email, "Renvoyé pour modifications : Gate keeping course"]);
    expect(runtime.mailer.sent.find((m) => m.to === admin.email)!.text).toContain("Add a learning outcome to each module.");

    // The authors take a while to rework it: the approval is the newer review.
    runtime.clock.advance(60_000);
    await workflow().submit(kenyaAuthor, draft.id);
    await runtime.deliverMail();
    runtime.mailer.sent.length = 0;
    const approved = await workflow().review(reviewer, draft.id, {
      decision: "approved",
      comment: "Good.",
      scores: scores({ [essential.id]: 1 }),
    });
    expect(approved).toMatchObject({ status: "published", version: 1 });
    await runtime.deliverMail();
    expect(runtime.mailer.sent.map((m) => m.subject)).toContain("Одобрен и опубликован: Gate keeping course");
    expect((await services().catalogue.searchCourses({ q: "gate keeping" }, "en")).total).toBe(1);
    expect((await failure(workflow().review(reviewer, draft.id, { decision: "approved", scores: scores() }))).code).toBe("wrong_status");

    const history = await workflow().reviews(kenyaAuthor, draft.id, "fr");
    expect(history.map((r) => [r.decision, r.reviewer])).toEqual([
      ["approved", "Rita Reviewer"],
      ["returned", "Rita Reviewer"],
    ]);
    expect(history[1]!.scores[0]).toMatchObject({
      title: "Acquis clairs",
      score: 0,
      maxScore: 3,
      essential: true,
      comment: "No outcomes yet.",
    });
    expect((await failure(workflow().reviews(learner(), draft.id, "en"))).code).toBe("forbidden");
    const [version] = await runtime.database.db.select().from(courseVersions).where(eq(courseVersions.courseId, draft.id));
    expect(version).toMatchObject({ version: 1 });
    expect((version!.snapshot as { modules: unknown[] }).modules).toHaveLength(1);
  });

  test("nobody reviews their own course: an author holding reviewer neither sees it in the queue nor approves it", async () => {
    const both = await createSignedInUser(services(), {
      roles: [
        { role: "author", organisationId: kenya.id },
        { role: "reviewer", organisationId: kenya.id },
      ],
    });
    const coAuthor = await createSignedInUser(services(), {
      roles: [
        { role: "centre_admin", organisationId: kenya.id },
        { role: "reviewer", organisationId: null },
      ],
    });
    const draft = await createCourse(services(), kenya.id, { actor: both, publish: false, overrides: { title: "My own work" } });
    await services().catalogue.updateCourse(coAuthor, draft.id, { estimatedHours: 7 }, "en");
    await workflow().submit(both, draft.id);

    for (const author of [both, coAuthor]) {
      expect((await workflow().reviewQueue(author, "en")).map((item) => item.id)).not.toContain(draft.id);
      expect((await workflow().workflow(author, draft.id, "en")).can).toMatchObject({ review: false });
      const refused = await failure(workflow().review(author, draft.id, { decision: "approved", scores: scores() }));
      expect(refused).toMatchObject({ code: "own_work", status: 403 });
      expect(translateError(refused, "ar").message).not.toBe(translateError(refused, "en").message);
    }
    const [stillInReview] = await runtime.database.db.select().from(courses).where(eq(courses.id, draft.id));
    expect(stillInReview?.status).toBe("in_review");

    const other = await createSignedInUser(services(), { roles: [{ role: "reviewer", organisationId: kenya.id }] });
    expect((await workflow().reviewQueue(other, "en")).map((item) => item.id)).toContain(draft.id);
    expect((await workflow().review(other, draft.id, { decision: "approved", scores: scores() })).status).toBe("published");
  });

  test("a translator who wrote part of a version may not review it; one who did not, may", async () => {
    const translatorReviewer = await createSignedInUser(services(), {
      roles: [
        { role: "translator", organisationId: kenya.id },
        { role: "reviewer", organisationId: kenya.id },
      ],
    });
    const idle = await createSignedInUser(services(), {
      roles: [
        { role: "translator", organisationId: kenya.id },
        { role: "reviewer", organisationId: kenya.id },
      ],
    });
    const draft = await createCourse(services(), kenya.id, { publish: false, overrides: { title: "Translated by a reviewer" } });
    await services().catalogue.addTranslation(
      translatorReviewer,
      draft.id,
      "fr",
      { title: "Traduit", summary: "Résumé.", status: "ready" },
      "en",
    );
    await workflow().submit(kenyaAuthor, draft.id);

    expect((await workflow().reviewQueue(translatorReviewer, "en")).map((item) => item.id)).not.toContain(draft.id);
    const refused = await failure(workflow().review(translatorReviewer, draft.id, { decision: "approved", scores: scores() }));
    expect(refused).toMatchObject({ code: "own_work", status: 403 });
    expect((await workflow().reviewQueue(idle, "en")).map((item) => item.id)).toContain(draft.id);
    expect((await workflow().review(idle, draft.id, { decision: "approved", scores: scores() })).status).toBe("published");
  });

  test("a quiz lesson with settings needs a question with a right answer before review", async () => {
    const draft = await createCourse(services(), kenya.id, { publish: false });
    const quizLesson = draft.syllabus[0]!.lessons.find((l) => l.kind === "quiz")!;
    await runtime.database.db.insert(quizzes).values({ lessonId: quizLesson.id });
    const error = await failure(workflow().submit(secretariat(), draft.id));
    expect(error.fields[0]?.path).toBe(`lessons.${quizLesson.id}`);
    expect((await services().catalogue.getCourse(draft.id, "en", secretariat())).status).toBe("draft");
  });

  test("a published course refuses content changes but takes translations; archived, it leaves the catalogue", async () => {
    const course = await createCourse(services(), kenya.id, { overrides: { title: "Immutable course" } });
    const translator = actorWith({ role: "translator", organisationId: null });
    const edit = await failure(services().catalogue.updateCourse(secretariat(), course.id, { estimatedHours: 2 }, "ru"));
    expect(edit).toMatchObject({ code: "course_published", status: 409 });
    expect(
      (
        await failure(
          services().catalogue.addTranslation(translator, course.id, "en", { title: "Renamed", summary: "", status: "ready" }, "en"),
        )
      ).code,
    ).toBe("forbidden");
    const translated = await services().catalogue.addTranslation(
      translator,
      course.id,
      "fr",
      {
        title: "Cours immuable",
        summary: "Un cours fait par un test.",
        status: "ready",
      },
      "en",
    );
    expect(translated.languages).toEqual(["en", "fr"]);

    expect((await failure(workflow().archive(serbiaAuthor, course.id))).code).toBe("forbidden");
    expect((await workflow().archive(kenyaAuthor, course.id)).status).toBe("archived");
    expect((await services().catalogue.searchCourses({ q: "immutable course" }, "en")).total).toBe(0);
    expect((await services().catalogue.getCourse(course.slug, "en")).status).toBe("archived");
    expect((await failure(workflow().archive(kenyaAuthor, course.id))).code).toBe("wrong_status");
  });
});

describe("new versions", () => {
  test("a revision merged on approval keeps the course's id, slug, kept lessons and learners' progress", async () => {
    const original = await createCourse(services(), kenya.id, {
      overrides: {
        title: "Versioned course",
        syllabus: [
          {
            title: "Module one",
            lessons: [
              { kind: "text", title: "Kept lesson", body: "<p>old</p>" },
              { kind: "text", title: "Dropped lesson", body: "<p>soon gone</p>" },
            ],
          },
        ],
      },
      translations: { fr: { title: "Cours versionné", summary: "Un cours fait par un test.", status: "ready" } },
    });
    const [kept, dropped] = original.syllabus[0]!.lessons;
    const { user } = await createUser(services());
    const db = runtime.database.db;
    const [enrolment] = await db.insert(enrolments).values({ userId: user.id, courseId: original.id }).returning();
    await db.insert(lessonProgress).values([
      { enrolmentId: enrolment!.id, lessonId: kept!.id },
      { enrolmentId: enrolment!.id, lessonId: dropped!.id },
    ]);

    expect((await failure(workflow().startRevision(serbiaAuthor, original.id))).code).toBe("forbidden");
    const revision = await workflow().startRevision(kenyaAuthor, original.id);
    expect(revision).toMatchObject({ status: "draft", version: 2 });
    expect(revision.slug).not.toBe(original.slug);
    expect((await workflow().startRevision(kenyaAuthor, original.id)).id).toBe(revision.id);
    const draft = await services().catalogue.getCourse(revision.id, "fr", kenyaAuthor);
    expect(draft.title).toBe("Cours versionné");
    const [copiedKept] = draft.syllabus[0]!.lessons;
    const [row] = await db.select().from(lessons).where(eq(lessons.id, copiedKept!.id));
    expect(row!.originId).toBe(kept!.id);

    await services().catalogue.updateCourse(
      kenyaAuthor,
      revision.id,
      {
        syllabus: [
          {
            id: draft.syllabus[0]!.id,
            title: "Module one, revised",
            lessons: [
              { id: copiedKept!.id, kind: "text", title: "Kept lesson, revised", body: "<p>new</p>" },
              { kind: "text", title: "New lesson", body: "<p>added</p>" },
            ],
          },
        ],
      },
      "en",
    );
    // The published version is untouched while its next one is prepared.
    expect((await services().catalogue.getCourse(original.id, "en")).syllabus[0]!.lessons.map((l) => l.title)).toEqual([
      "Kept lesson",
      "Dropped lesson",
    ]);

    await workflow().submit(kenyaAuthor, revision.id);
    const merged = await approve(services(), revision.id);
    expect(merged).toMatchObject({ id: original.id, slug: original.slug, status: "published", version: 2 });
    const after = await services().catalogue.getCourse(original.slug, "en");
    expect(after.syllabus[0]!.title).toBe("Module one, revised");
    expect(after.syllabus[0]!.lessons.map((l) => [l.id === kept!.id, l.title])).toEqual([
      [true, "Kept lesson, revised"],
      [false, "New lesson"],
    ]);
    expect((await services().catalogue.getLesson(original.id, kept!.id, "en")).bodyHtml).toBe("<p>new</p>");
    const progress = await db.select().from(lessonProgress).where(eq(lessonProgress.enrolmentId, enrolment!.id));
    expect(progress.map((p) => p.lessonId)).toEqual([kept!.id]);
    expect(await db.select().from(courses).where(eq(courses.id, revision.id))).toEqual([]);
    expect((await workflow().reviews(kenyaAuthor, original.id, "en")).map((r) => r.courseVersion)).toEqual([2, 1]);
    const versions = await db
      .select({ version: courseVersions.version })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, original.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });
});

describe("discarding a draft", () => {
  test("a new version started by mistake is deleted by its authors; the published course is untouched", async () => {
    const original = await createCourse(services(), kenya.id, { overrides: { title: "Course kept as it is" } });
    const revision = await workflow().startRevision(kenyaAuthor, original.id);

    expect((await workflow().workflow(kenyaAuthor, revision.id, "en")).can.discard).toBe(true);
    expect((await workflow().workflow(kenyaAuthor, original.id, "en")).can.discard).toBe(false);
    expect((await failure(workflow().discard(serbiaAuthor, revision.id))).code).toBe("forbidden");
    expect((await failure(workflow().discard(kenyaAuthor, original.id))).code).toBe("wrong_status");
    expect(await workflow().discard(kenyaAuthor, revision.id)).toEqual({ revisionOf: original.slug });

    const db = runtime.database.db;
    expect(await db.select().from(courses).where(eq(courses.id, revision.id))).toEqual([]);
    const kept = await services().catalogue.getCourse(original.id, "en");
    expect(kept).toMatchObject({ status: "published", version: 1, title: "Course kept as it is" });
    expect((await workflow().workflow(kenyaAuthor, original.id, "en")).openRevision).toBeNull();
    // A new version can be started again afterwards.
    expect((await workflow().startRevision(kenyaAuthor, original.id)).version).toBe(2);

    // A draft sent to review is not discarded under the reviewer's eyes.
    const fresh = await createCourse(services(), kenya.id, { publish: false });
    await workflow().submit(kenyaAuthor, fresh.id);
    expect((await failure(workflow().discard(kenyaAuthor, fresh.id))).code).toBe("wrong_status");
  });
});

describe("adaptations", () => {
  test("another centre adapts a course, is credited, refused for no-derivatives, and told of new versions", async () => {
    const source = await createCourse(services(), kenya.id, { overrides: { title: "Adaptable course", licence: "CC-BY-SA-4.0" } });
    const closed = await createCourse(services(), kenya.id, { overrides: { title: "Closed course", licence: "CC-BY-NC-ND-4.0" } });
    const serbiaAdmin = await createSignedInUser(services(), { roles: [{ role: "centre_admin", organisationId: serbia.id }] });

    expect((await failure(workflow().adapt(serbiaAdmin, closed.id, { ownerId: serbia.id }, "fr"))).code).toBe("derivatives_forbidden");
    expect((await failure(workflow().adapt(serbiaAdmin, source.id, { ownerId: kenya.id }, "en"))).code).toBe("forbidden");
    expect((await failure(workflow().adapt(kenyaAuthor, source.id, { ownerId: kenya.id }, "en"))).fields[0]?.path).toBe("ownerId");

    const adaptation = await workflow().adapt(serbiaAdmin, source.id, { ownerId: serbia.id }, "en");
    expect(adaptation).toMatchObject({ status: "draft", version: 1 });
    const copy = await services().catalogue.getCourse(adaptation.id, "en", serbiaAdmin);
    expect(copy).toMatchObject({ title: "Adaptable course", licence: "CC-BY-SA-4.0", owner: { slug: "q-serbia" } });
    expect(await workflow().courseOrigin(adaptation.slug, "en")).toMatchObject({
      slug: source.slug,
      title: "Adaptable course",
      owner: { slug: "q-kenya" },
      version: 1,
      licence: "CC-BY-SA-4.0",
    });
    await workflow().submit(serbiaAdmin, adaptation.id);
    await approve(services(), adaptation.id);

    const revision = await workflow().startRevision(kenyaAuthor, source.id);
    await workflow().submit(kenyaAuthor, revision.id);
    await runtime.deliverMail();
    runtime.mailer.sent.length = 0;
    await approve(services(), revision.id);
    await runtime.deliverMail();
    expect(runtime.mailer.sent.find((m) => m.to === serbiaAdmin.email)?.subject).toBe(
      "The course you adapted has a new version: Adaptable course",
    );
    const notices = await workflow().notices(serbiaAdmin, adaptation.id, "en");
    expect(notices).toMatchObject([{ kind: "source_updated", source: { slug: source.slug, version: 2 } }]);
    expect((await failure(workflow().notices(kenyaAuthor, adaptation.id, "en"))).code).toBe("forbidden");
    await workflow().dismissNotice(serbiaAdmin, adaptation.id, notices[0]!.id);
    expect(await workflow().notices(serbiaAdmin, adaptation.id, "en")).toEqual([]);
    expect((await failure(workflow().dismissNotice(serbiaAdmin, adaptation.id, notices[0]!.id))).code).toBe("not_found");
  });
});

describe("the translation queue", () => {
  test("counts fields per status, and readers see each field in their language only once it is ready", async () => {
    const course = await createCourse(services(), kenya.id, {
      overrides: {
        title: "Queued course",
        summary: "To be translated.",
        syllabus: [
          {
            title: "First module",
            lessons: [
              { kind: "text", title: "First lesson", body: "<p>Body</p>" },
              { kind: "video", title: "Second lesson" },
            ],
          },
        ],
      },
      publish: false,
    });
    // A video lesson needs its video before review.
    await services().media.setExternalVideo(secretariat(), course.id, course.syllabus[0]!.lessons[1]!.id, "https://videos.example.org/q");
    await workflow().submit(secretariat(), course.id);
    await approve(services(), course.id);
    const translator = actorWith({ role: "translator", organisationId: kenya.id });
    const queue = services().translations;
    expect((await failure(queue.requestLanguage(translator, course.id, "fr", "en"))).code).toBe("forbidden");
    expect((await failure(queue.requestLanguage(kenyaAuthor, course.id, "en", "en"))).fields[0]?.path).toBe("locale");
    const requested = await queue.requestLanguage(kenyaAuthor, course.id, "fr", "en");
    // Title, summary, module title, two lesson titles and one lesson body.
    expect(requested).toMatchObject({ status: "missing", counts: { missing: 6, draft: 0, ready: 0 }, total: 6 });
    expect((await queue.queue(translator, { locale: "fr" }, "en")).map((i) => i.course.slug)).toContain(course.slug);
    expect(await queue.queue(actorWith({ role: "translator", organisationId: serbia.id }), { locale: "fr" }, "en")).toEqual([]);
    expect((await failure(queue.queue(learner(), {}, "en"))).code).toBe("forbidden");

    const [first, second] = course.syllabus[0]!.lessons;
    await services().catalogue.addTranslation(
      translator,
      course.id,
      "fr",
      {
        title: "Cours en file",
        summary: "À traduire.",
        status: "draft",
        modules: [{ id: course.syllabus[0]!.id, title: "Premier module", status: "ready" }],
        lessons: [
          { id: first!.id, title: "Première leçon", body: "<p>Corps</p>", status: "ready" },
          { id: second!.id, title: "Deuxième leçon" },
        ],
      },
      "en",
    );
    const [item] = await queue
      .queue(translator, { locale: "fr", owner: "q-kenya" }, "en")
      .then((items) => items.filter((i) => i.course.id === course.id));
    expect(item!.counts).toEqual({ missing: 0, draft: 3, ready: 3 });
    const editor = await queue.editor(translator, course.slug, "fr", "en");
    expect(editor.modules[0]!.lessons[0]).toMatchObject({ title: { source: "First lesson", target: "Première leçon" }, status: "ready" });

    // The course itself is a draft in French: its title stays English, ready parts show in French.
    const french = await services().catalogue.getCourse(course.id, "fr");
    expect(french).toMatchObject({ shownLocale: "en", title: "Queued course" });
    expect(french.syllabus[0]!.title).toBe("Premier module");
    expect(french.syllabus[0]!.lessons.map((l) => l.title)).toEqual(["Première leçon", "Second lesson"]);
    expect((await services().catalogue.getLesson(course.id, first!.id, "fr")).bodyHtml).toBe("<p>Corps</p>");
    expect((await services().catalogue.getLesson(course.id, second!.id, "fr")).shownLocale).toBe("en");
  });
});
