import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { approve, courseInput, createCourse } from "../../../tests/factories/catalogue.ts";
import { createCentre, secretariat } from "../../../tests/factories/network.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { simplePdf } from "../../seed/files.ts";
import type { CentreDto } from "../network/dto.ts";
import { courseTranslations, lessons, lessonTranslations } from "./schema.ts";

/** Issue 11, point 1: content is never hollow, neither on the way in nor on the way out. */

let runtime: TestRuntime;
let centre: CentreDto;
const admin = secretariat();
const services = () => runtime.services;
const upload = (fileName: string, bytes: Buffer) => ({ fileName, stream: Readable.from([bytes]) });

beforeAll(async () => {
  runtime = await createTestRuntime();
  centre = await createCentre(runtime.services, { slug: "hollow-centre", name: "Hollow Centre", country: "KG" });
});

afterAll(async () => {
  await runtime?.close();
});

/** A draft with a reading, a video lesson and a download lesson, the last two still empty. */
async function draftWithMediaLessons() {
  return services().catalogue.createCourse(
    admin,
    courseInput(centre.id, {
      description: "What the course is about, at length.",
      syllabus: [
        {
          title: "Start",
          lessons: [
            { kind: "text", title: "Reading one", body: "<p>Words to read.</p>" },
            { kind: "video", title: "Watch this" },
            { kind: "file", title: "Planning template" },
          ],
        },
      ],
    }),
    "en",
  );
}

describe("a translation marked ready", () => {
  test("is refused with an empty summary or description where the source has text, and kept as a draft", async () => {
    const course = await draftWithMediaLessons();
    const refused = await failure(
      services().catalogue.addTranslation(admin, course.id, "ar", { title: "دورة", summary: "", status: "ready" }, "en"),
    );
    expect(refused.fields).toEqual([expect.objectContaining({ path: "summary", messageId: "catalogue.field.emptyWhenReady" })]);
    const noDescription = await failure(
      services().catalogue.addTranslation(admin, course.id, "ar", { title: "دورة", summary: "ملخص قصير", status: "ready" }, "en"),
    );
    expect(noDescription.fields[0]?.path).toBe("description");
    const draft = await services().catalogue.addTranslation(admin, course.id, "ar", { title: "دورة", summary: "", status: "draft" }, "en");
    expect(draft.translations).toContainEqual({ locale: "ar", status: "draft" });
  });

  test("is refused when a lesson with source text is left without its text, naming the lesson", async () => {
    const course = await draftWithMediaLessons();
    const reading = course.syllabus[0]!.lessons[0]!;
    const texts = { title: "Курс", summary: "Кратко.", description: "Подробно.", status: "ready" as const };
    const refused = await failure(
      services().catalogue.addTranslation(admin, course.id, "ru", { ...texts, lessons: [{ id: reading.id, title: "Чтение" }] }, "en"),
    );
    expect(refused.fields).toEqual([
      expect.objectContaining({ path: "lessons.0.body", messageId: "catalogue.field.lessonEmptyWhenReady", params: { title: "Чтение" } }),
    ]);
    // The same lesson as a draft is fine; with its text it may be ready.
    await services().catalogue.addTranslation(
      admin,
      course.id,
      "ru",
      { ...texts, lessons: [{ id: reading.id, title: "Чтение", status: "draft" }] },
      "en",
    );
    const ready = await services().catalogue.addTranslation(
      admin,
      course.id,
      "ru",
      { ...texts, lessons: [{ id: reading.id, title: "Чтение", body: "<p>Текст для чтения.</p>" }] },
      "en",
    );
    expect(ready.translations).toContainEqual({ locale: "ru", status: "ready" });
  });
});

describe("a reader of a translation with an empty field", () => {
  test("gets the source's summary, description and lesson body, each with the language it is in", async () => {
    const course = await createCourse(services(), centre.id, {
      overrides: { description: "The long description." },
      translations: {
        zh: {
          title: "测试课程",
          summary: "简短的介绍。",
          description: "详细的说明。",
          status: "ready",
        },
      },
    });
    const lesson = course.syllabus[0]!.lessons[0]!;
    // Rows written before the rule (or by a bulk import) can still be hollow: the reader never sees it.
    const { db } = runtime.database;
    await db
      .update(courseTranslations)
      .set({ summary: "", description: "" })
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, "zh")));
    await db.insert(lessonTranslations).values({ lessonId: lesson.id, locale: "zh", title: "欢迎", body: "", status: "ready" });

    const shown = await services().catalogue.getCourse(course.slug, "zh");
    expect(shown).toMatchObject({ title: "测试课程", shownLocale: "zh", summary: "A course made by a test.", summaryLocale: "en" });
    expect(shown).toMatchObject({ description: "The long description.", descriptionLocale: "en" });
    const listed = await services().catalogue.searchCourses({ q: "测试课程" }, "zh");
    expect(listed.items[0]).toMatchObject({ summary: "A course made by a test.", summaryLocale: "en" });
    const read = await services().catalogue.getLesson(course.slug, lesson.id, "zh");
    expect(read).toMatchObject({ title: "欢迎", shownLocale: "zh", bodyHtml: "<p>Welcome to the course.</p>", bodyLocale: "en" });
  });

  test("counts the empty field as missing in the translators' editor, not ready", async () => {
    const course = await createCourse(services(), centre.id, {
      translations: { fr: { title: "Cours d’essai", summary: "Un cours.", status: "ready" } },
    });
    await runtime.database.db
      .update(courseTranslations)
      .set({ summary: "" })
      .where(and(eq(courseTranslations.courseId, course.id), eq(courseTranslations.locale, "fr")));
    const editor = await services().translations.editor(admin, course.id, "fr", "en");
    // Title ready; summary (empty), module title, lesson title and body missing.
    expect(editor.counts.ready).toBe(1);
    expect(editor.counts.missing).toBeGreaterThanOrEqual(4);
  });
});

describe("submitting and approving", () => {
  test("refuse lessons a learner would find empty, naming them, until they have their video and file", async () => {
    const course = await draftWithMediaLessons();
    const refused = await failure(services().workflow.submit(admin, course.id));
    expect(refused.fields).toEqual([
      expect.objectContaining({
        path: "syllabus",
        messageId: "catalogue.field.hollowLessons",
        params: { count: 2, lessons: "“Watch this”, “Planning template”" },
      }),
    ]);
    const [, video, file] = course.syllabus[0]!.lessons;
    await services().media.setExternalVideo(admin, course.id, video!.id, "https://videos.example.org/watch-this");
    await services().media.uploadLessonFile(admin, course.id, file!.id, "download", upload("plan.pdf", simplePdf(["Plan"])));
    await services().workflow.submit(admin, course.id);

    // Emptied while it waited (here behind the services' back): approval checks again.
    await runtime.database.db.update(lessons).set({ externalUrl: null }).where(eq(lessons.id, video!.id));
    const notApproved = await failure(approve(services(), course.id));
    expect(notApproved.fields[0]).toMatchObject({
      messageId: "catalogue.field.hollowLessons",
      params: { count: 1, lessons: "“Watch this”" },
    });
  });

  test("refuse a reading without text", async () => {
    const course = await services().catalogue.createCourse(
      admin,
      courseInput(centre.id, { syllabus: [{ title: "Only", lessons: [{ kind: "text", title: "Blank page", body: "<p> </p>" }] }] }),
      "en",
    );
    const refused = await failure(services().workflow.submit(admin, course.id));
    expect(refused.fields[0]).toMatchObject({ params: { count: 1, lessons: "“Blank page”" } });
  });
});
