import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approve, courseInput, createCourse } from "../../../tests/factories/catalogue.ts";
import { centreAdminOf, centreStaffOf, createCentre, learner, secretariat } from "../../../tests/factories/network.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { CentreDto } from "../network/dto.ts";
import type { CourseDto } from "./dto.ts";
import { courses, courseTranslations, lessonTranslations } from "./schema.ts";

let runtime: TestRuntime;
let kyrgyzstan: CentreDto;
let egypt: CentreDto;
let china: CentreDto;
let russianCourse: CourseDto;
let chineseCourse: CourseDto;
let arabicCourse: CourseDto;
let englishOnly: CourseDto;

const catalogue = () => runtime.services.catalogue;

const slugsOf = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

beforeAll(async () => {
  runtime = await createTestRuntime();
  const services = runtime.services;
  kyrgyzstan = await createCentre(services, { slug: "cat-kyrgyzstan", name: "Catalogue Kyrgyzstan Centre", country: "KG" });
  egypt = await createCentre(services, { slug: "cat-egypt", name: "Catalogue Egypt Centre", country: "EG" });
  china = await createCentre(services, { slug: "cat-china", name: "Catalogue China Centre", kind: "training_centre", country: "CN" });

  runtime.clock.advance(1000);
  russianCourse = await createCourse(services, kyrgyzstan.id, {
    overrides: {
      slug: "digital-pedagogy-basics",
      defaultLocale: "ru",
      title: "Основы цифровой педагогики",
      summary: "Как проектировать онлайн-занятия для студентов вузов.",
      level: "introductory",
    },
    translations: {
      en: { title: "Digital pedagogy basics", summary: "Designing online classes for university students.", status: "ready" },
    },
  });
  runtime.clock.advance(1000);
  chineseCourse = await createCourse(services, china.id, {
    overrides: {
      slug: "digital-teaching-higher-education",
      defaultLocale: "zh",
      title: "高等教育数字教学法",
      summary: "面向大学教师的在线与混合式教学设计。",
      category: "discipline",
      level: "intermediate",
    },
  });
  runtime.clock.advance(1000);
  arabicCourse = await createCourse(services, egypt.id, {
    overrides: {
      slug: "blended-learning-design",
      defaultLocale: "ar",
      title: "تصميم التعلّم المدمج",
      summary: "أساسيات الجمع بين التعليم الحضوري والتعليم عبر الإنترنت في الجامعات.",
      category: "tvet",
      level: "advanced",
    },
    translations: {
      en: { title: "Blended learning design", summary: "Combining classroom and online teaching.", status: "draft" },
    },
  });
  runtime.clock.advance(1000);
  englishOnly = await createCourse(services, egypt.id, {
    overrides: { slug: "ai-in-teaching", title: "AI in teaching", summary: "Using generative AI tools responsibly in class." },
  });
});

afterAll(async () => {
  await runtime?.close();
});

describe("search across languages", () => {
  test("Russian finds the Russian course, whatever the case ending", async () => {
    expect(slugsOf(await catalogue().searchCourses({ q: "педагогика" }, "ru"))).toEqual([russianCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "ЦИФРОВОЙ педагогики" }, "ru"))).toEqual([russianCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "онлайн-занятия" }, "ru"))).toEqual([russianCourse.slug]);
  });

  test("Chinese finds the Chinese course by substring and by character pairs", async () => {
    expect(slugsOf(await catalogue().searchCourses({ q: "数字教学" }, "zh"))).toEqual([chineseCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "混合式教学" }, "zh"))).toEqual([chineseCourse.slug]);
    // Not a substring of the title, but most of its pairs are in it.
    expect(slugsOf(await catalogue().searchCourses({ q: "数字化教学法" }, "zh"))).toEqual([chineseCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "烹饪" }, "zh"))).toEqual([]);
  });

  test("Arabic finds the Arabic course despite diacritics and hamza forms", async () => {
    expect(slugsOf(await catalogue().searchCourses({ q: "التعلم المدمج" }, "ar"))).toEqual([arabicCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "الانترنت" }, "ar"))).toEqual([arabicCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ q: "الجامعة" }, "ar"))).toEqual([arabicCourse.slug]);
  });

  test("a search in one language finds courses written in another through their ready translations", async () => {
    expect(slugsOf(await catalogue().searchCourses({ q: "pedagogy" }, "en"))).toEqual([russianCourse.slug]);
    // The English translation of the Arabic course is a draft: not searchable yet.
    expect(slugsOf(await catalogue().searchCourses({ q: "blended" }, "en"))).toEqual([]);
  });

  test("every word must match, and punctuation alone matches everything", async () => {
    expect(slugsOf(await catalogue().searchCourses({ q: "digital cooking" }, "en"))).toEqual([]);
    expect((await catalogue().searchCourses({ q: "%_'\\" }, "en")).total).toBe(4);
  });
});

describe("what readers see", () => {
  test("titles come in the reader's language when ready, else the default with a flag", async () => {
    const page = await catalogue().searchCourses({ sort: "newest" }, "en");
    const bySlug = new Map(page.items.map((item) => [item.slug, item]));
    expect(bySlug.get(russianCourse.slug)).toMatchObject({ title: "Digital pedagogy basics", shownLocale: "en", languages: ["ru", "en"] });
    expect(bySlug.get(arabicCourse.slug)).toMatchObject({ title: "تصميم التعلّم المدمج", shownLocale: "ar", languages: ["ar"] });
    const russian = await catalogue().searchCourses({ q: "педагогика" }, "ru");
    expect(russian.items[0]).toMatchObject({ title: "Основы цифровой педагогики", shownLocale: "ru", owner: { slug: "cat-kyrgyzstan" } });
    const french = await catalogue().getCourse(russianCourse.slug, "fr");
    expect(french).toMatchObject({ title: "Основы цифровой педагогики", shownLocale: "ru", defaultLocale: "ru" });
  });

  test("filters and sorting", async () => {
    expect(slugsOf(await catalogue().searchCourses({ lang: "ru" }, "en"))).toEqual([russianCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ lang: "en", sort: "title" }, "en"))).toEqual([englishOnly.slug, russianCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ category: "tvet" }, "en"))).toEqual([arabicCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ centre: "cat-egypt" }, "en"))).toEqual([englishOnly.slug, arabicCourse.slug]);
    expect(slugsOf(await catalogue().searchCourses({ level: "intermediate" }, "en"))).toEqual([chineseCourse.slug]);
    const page = await catalogue().searchCourses({ limit: 3, offset: 3 }, "en");
    expect(page).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect(page.items).toHaveLength(1);
    // Past the last page there is no row to count on, yet the total stays right.
    expect(await catalogue().searchCourses({ q: "pedagogy", offset: 50 }, "en")).toMatchObject({ total: 1, items: [] });
    expect(await catalogue().searchCourses({ offset: 50 }, "en")).toMatchObject({ total: 4, items: [] });
    const facets = await catalogue().facets("en");
    expect(facets.languages).toEqual(["ar", "en", "ru", "zh"]);
    expect(facets.owners.map((o) => o.slug)).toEqual(["cat-china", "cat-egypt", "cat-kyrgyzstan"]);
  });

  test("the course page lists the syllabus, languages, owner and co-creators", async () => {
    const course = await createCourse(runtime.services, kyrgyzstan.id, {
      overrides: { coCreators: [{ organisationId: egypt.id, role: "translator" }], subjectTags: ["Pedagogy", "pedagogy", "online"] },
      translations: { fr: { title: "Cours de test", summary: "Un cours.", status: "ready" } },
    });
    expect(course).toMatchObject({
      owner: { slug: "cat-kyrgyzstan" },
      coCreators: [{ organisation: { slug: "cat-egypt" }, role: "translator" }],
      languages: ["en", "fr"],
      licence: "CC-BY-4.0",
      subjectTags: ["pedagogy", "online"],
      status: "published",
      version: 1,
      syllabus: [
        {
          title: "Getting started",
          lessons: [
            { kind: "text", title: "Welcome", required: true },
            { kind: "quiz", title: "Check your understanding", required: false },
          ],
        },
      ],
    });
  });
});

describe("publication", () => {
  test("only published courses are public; their authors see drafts", async () => {
    const author = centreAdminOf(kyrgyzstan.id);
    const draft = await createCourse(runtime.services, kyrgyzstan.id, {
      actor: author,
      publish: false,
      overrides: { title: "Unpublished draft course" },
    });
    expect(draft.status).toBe("draft");
    expect((await catalogue().searchCourses({ q: "unpublished draft" }, "en")).total).toBe(0);
    expect((await failure(catalogue().getCourse(draft.slug, "en"))).code).toBe("not_found");
    expect((await failure(catalogue().getCourse(draft.slug, "en", centreAdminOf(egypt.id)))).code).toBe("not_found");
    expect((await catalogue().getCourse(draft.slug, "en", author)).title).toBe("Unpublished draft course");

    await runtime.services.workflow.submit(author, draft.id);
    await approve(runtime.services, draft.id);
    const published = await catalogue().getCourse(draft.id, "en");
    expect(published).toMatchObject({ status: "published", publishedAt: runtime.clock.now.toISOString() });
    expect(slugsOf(await catalogue().searchCourses({ q: "unpublished draft" }, "en"))).toEqual([draft.slug]);
  });

  test("a course without lessons cannot be submitted for review", async () => {
    const course = await createCourse(runtime.services, egypt.id, { publish: false, overrides: { syllabus: [] } });
    const error = await failure(runtime.services.workflow.submit(secretariat(), course.id));
    expect(error).toMatchObject({ code: "validation_failed", fields: [{ path: "syllabus" }] });
    expect((await catalogue().getCourse(course.id, "en", secretariat())).status).toBe("draft");
  });
});

describe("who may write", () => {
  test("centre admins and staff write their own centre's courses", async () => {
    const staff = centreStaffOf(egypt.id);
    const course = await catalogue().createCourse(staff, courseInput(egypt.id, { title: "Staff-made course" }), "en");
    const updated = await catalogue().updateCourse(staff, course.id, { level: "advanced", estimatedHours: 12 }, "en");
    expect(updated).toMatchObject({ level: "advanced", estimatedHours: 12, owner: { slug: "cat-egypt" } });
  });

  test("an author of another centre is forbidden", async () => {
    const outsider = centreAdminOf(kyrgyzstan.id);
    expect((await failure(catalogue().updateCourse(outsider, arabicCourse.id, { level: "introductory" }, "en"))).code).toBe("forbidden");
    expect(
      (
        await failure(
          catalogue().addTranslation(outsider, arabicCourse.id, "ru", { title: "Чужой перевод", summary: "", status: "ready" }, "en"),
        )
      ).code,
    ).toBe("forbidden");
    expect((await failure(runtime.services.workflow.submit(outsider, englishOnly.id))).code).toBe("forbidden");
    expect((await failure(catalogue().createCourse(outsider, courseInput(egypt.id), "en"))).code).toBe("forbidden");
    // Nor may they hand their own course over to a centre they do not write for.
    const own = await createCourse(runtime.services, kyrgyzstan.id, { publish: false });
    expect((await failure(catalogue().updateCourse(outsider, own.id, { ownerId: egypt.id }, "en"))).code).toBe("forbidden");
    expect((await failure(catalogue().createCourse(learner(), courseInput(egypt.id), "en"))).code).toBe("forbidden");
    expect((await failure(catalogue().createCourse(null, courseInput(egypt.id), "en"))).code).toBe("unauthenticated");
    expect((await catalogue().getCourse(arabicCourse.id, "en")).level).toBe("advanced");
  });

  test("a course is owned by a centre or the institute, not a university", async () => {
    const university = await runtime.services.network.createOrganisation(
      secretariat(),
      { kind: "university", name: "Catalogue Uni" },
      "en",
    );
    const error = await failure(catalogue().createCourse(secretariat(), courseInput(university.id), "en"));
    expect(error).toMatchObject({ code: "validation_failed", fields: [{ path: "ownerId" }] });
  });
});

describe("rich text", () => {
  const attack =
    '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> and <a href="https://example.org">that</a></p>' +
    '<script>alert("x")</script><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><style>body{}</style>';
  const expected =
    '<p>Read <a rel="noopener noreferrer nofollow">this</a> and <a href="https://example.org" rel="noopener noreferrer nofollow">that</a></p>';
  const storedBody = async (lessonId: string, locale: string) =>
    (
      await runtime.database.db
        .select()
        .from(lessonTranslations)
        .where(and(eq(lessonTranslations.lessonId, lessonId), eq(lessonTranslations.locale, locale)))
    )[0]?.body;

  test("scripts in a lesson body are neutralised when stored and when shown", async () => {
    const course = await createCourse(runtime.services, egypt.id, {
      overrides: { syllabus: [{ title: "Module", lessons: [{ kind: "text", title: "Lesson", body: attack }] }] },
    });
    const lessonId = course.syllabus[0]!.lessons[0]!.id;
    expect(await storedBody(lessonId, "en")).toBe(expected);

    // A translation's lesson text goes through the same sanitiser before it is stored.
    await catalogue().addTranslation(
      secretariat(),
      course.id,
      "fr",
      {
        title: "Cours",
        summary: "Un cours fait par un test.",
        status: "ready",
        lessons: [{ id: lessonId, title: "Leçon", body: "<p>Bonjour</p><script>alert(2)</script>" }],
      },
      "en",
    );
    expect(await storedBody(lessonId, "fr")).toBe("<p>Bonjour</p>");

    // A row the service did not write (an import, a restore, an older version) is cleaned on the
    // way out, for learners and for the editor alike.
    await runtime.database.db.update(lessonTranslations).set({ body: attack }).where(eq(lessonTranslations.lessonId, lessonId));
    expect(await storedBody(lessonId, "en")).toBe(attack);
    expect((await catalogue().getLesson(course.slug, lessonId, "en")).bodyHtml).toBe(expected);
    expect(await catalogue().getLesson(course.slug, lessonId, "fr")).toMatchObject({
      title: "Leçon",
      bodyHtml: expected,
      shownLocale: "fr",
    });
    const draft = await createCourse(runtime.services, egypt.id, { publish: false });
    const draftLesson = draft.syllabus[0]!.lessons[0]!.id;
    await runtime.database.db.update(lessonTranslations).set({ body: attack }).where(eq(lessonTranslations.lessonId, draftLesson));
    expect((await runtime.services.authoring.getLesson(secretariat(), draft.id, draftLesson)).body).toBe(expected);
  });
});

describe("bad input changes nothing", () => {
  const courseCount = async () => (await runtime.database.db.select({ n: count() }).from(courses))[0]!.n;

  test("an invalid new course is refused with field messages and not written", async () => {
    const before = await courseCount();
    const invalid = [
      courseInput(egypt.id, { title: "x" }),
      courseInput(egypt.id, { licence: "CC BY 4.0" }),
      courseInput(egypt.id, { defaultLocale: "English" }),
      { ...courseInput(egypt.id), colour: "blue" },
      courseInput(egypt.id, { syllabus: [{ title: "Module", lessons: [{ kind: "podcast" as "text", title: "Lesson" }] }] }),
      courseInput(egypt.id, { estimatedHours: -3 }),
      courseInput(egypt.id, { coCreators: [{ organisationId: crypto.randomUUID(), role: "funder" }] }),
    ];
    for (const input of invalid) {
      const error = await failure(catalogue().createCourse(secretariat(), input, "ru"));
      expect(error.code).toBe("validation_failed");
      expect(error.fields.length).toBeGreaterThan(0);
    }
    expect(await courseCount()).toBe(before);
  });

  test("a taken slug is a 409", async () => {
    const error = await failure(catalogue().createCourse(secretariat(), courseInput(egypt.id, { slug: russianCourse.slug }), "en"));
    expect(error).toMatchObject({ code: "duplicate_slug", status: 409 });
  });

  test("an update naming a module of another course rolls back entirely", async () => {
    const foreignModule = chineseCourse.syllabus[0]!.id;
    const draft = await createCourse(runtime.services, egypt.id, { publish: false });
    const error = await failure(
      catalogue().updateCourse(
        secretariat(),
        draft.id,
        {
          category: "tvet",
          syllabus: [{ id: foreignModule, title: "Stolen", lessons: [] }],
        },
        "en",
      ),
    );
    expect(error).toMatchObject({ code: "validation_failed", fields: [{ path: "syllabus.0.id" }] });
    const after = await catalogue().getCourse(draft.id, "en", secretariat());
    expect(after.category).toBe(draft.category);
    expect(after.syllabus).toEqual(draft.syllabus);
  });

  test("a translation naming an unknown lesson writes nothing", async () => {
    const error = await failure(
      catalogue().addTranslation(
        secretariat(),
        englishOnly.id,
        "es",
        {
          title: "IA en la enseñanza",
          summary: "",
          status: "ready",
          lessons: [{ id: crypto.randomUUID(), title: "Lección" }],
        },
        "en",
      ),
    );
    expect(error).toMatchObject({ code: "validation_failed", fields: [{ path: "lessons.0.id" }] });
    const rows = await runtime.database.db.select().from(courseTranslations).where(eq(courseTranslations.courseId, englishOnly.id));
    expect(rows.map((r) => r.locale)).toEqual(["en"]);
  });

  test("a published course's content and default language do not change: a new version does", async () => {
    const error = await failure(
      catalogue().addTranslation(secretariat(), englishOnly.id, "en", { title: "AI in teaching", summary: "", status: "draft" }, "en"),
    );
    expect(error).toMatchObject({ code: "course_published", status: 409 });
    const switched = await failure(catalogue().updateCourse(secretariat(), englishOnly.id, { defaultLocale: "fr" }, "en"));
    expect(switched.code).toBe("course_published");
  });
});

describe("editing the syllabus", () => {
  test("listed modules and lessons keep their ids and translations; others are removed", async () => {
    const course = await createCourse(runtime.services, egypt.id, {
      publish: false,
      overrides: {
        syllabus: [
          {
            title: "One",
            lessons: [
              { kind: "text", title: "Lesson A", body: "<p>a</p>" },
              { kind: "video", title: "Lesson B" },
            ],
          },
          { title: "Two", lessons: [{ kind: "text", title: "Lesson C" }] },
        ],
      },
    });
    const [one, two] = course.syllabus;
    const [a, b] = one!.lessons;
    await catalogue().addTranslation(
      secretariat(),
      course.id,
      "ru",
      {
        title: "Курс",
        summary: "Курс, созданный тестом.",
        status: "ready",
        modules: [{ id: two!.id, title: "Два" }],
        lessons: [{ id: a!.id, title: "Урок А", body: "<p>а</p>" }],
      },
      "en",
    );
    const updated = await catalogue().updateCourse(
      secretariat(),
      course.id,
      {
        syllabus: [
          { id: two!.id, title: "Two, first now", lessons: [{ id: a!.id, kind: "text", title: "Lesson A moved" }] },
          { title: "Three", lessons: [{ kind: "file", title: "Lesson D" }] },
        ],
      },
      "en",
    );
    expect(updated.syllabus.map((m) => [m.title, m.lessons.map((l) => l.title)])).toEqual([
      ["Two, first now", ["Lesson A moved"]],
      ["Three", ["Lesson D"]],
    ]);
    expect(updated.syllabus[0]!.id).toBe(two!.id);
    expect(updated.syllabus[0]!.lessons[0]!.id).toBe(a!.id);
    // The body was not resent: it stays; the Russian texts survive the move.
    expect((await catalogue().getLesson(course.id, a!.id, "en", secretariat())).bodyHtml).toBe("<p>a</p>");
    const russian = await catalogue().getCourse(course.id, "ru", secretariat());
    expect(russian.syllabus[0]).toMatchObject({ title: "Два", lessons: [{ title: "Урок А" }] });
    expect((await failure(catalogue().getLesson(course.id, b!.id, "en", secretariat()))).code).toBe("not_found");
  });
});
