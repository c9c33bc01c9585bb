import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { demoCourses } from "../../seed/catalogue.ts";
import { courseCategories } from "./dto.ts";

let runtime: TestRuntime;
const catalogue = () => runtime.services.catalogue;
const slugs = (page: { items: { slug: string }[] }) => page.items.map((c) => c.slug);

beforeAll(async () => {
  runtime = await createTestRuntime({ demo: true });
});

afterAll(async () => {
  await runtime?.close();
});

describe("the demo catalogue", () => {
  test("has a dozen or more public courses across the three categories and several centres", async () => {
    const page = await catalogue().searchCourses({ limit: 100 }, "en");
    // Plus the Kyrgyz centre's adaptation of the quality-assurance course.
    expect(page.total).toBe(demoCourses.filter((c) => !c.draft).length + 1);
    expect(page.total).toBeGreaterThanOrEqual(12);
    expect(new Set(page.items.map((c) => c.category))).toEqual(new Set(courseCategories));
    expect(new Set(page.items.map((c) => c.owner.slug)).size).toBeGreaterThanOrEqual(7);
    expect(slugs(page)).not.toContain("programming-with-python");
  });

  test("is found in Russian, Chinese and Arabic", async () => {
    expect(slugs(await catalogue().searchCourses({ q: "смешанного обучения" }, "ru"))).toEqual(["blended-learning-design-kg"]);
    expect(slugs(await catalogue().searchCourses({ q: "视频制作" }, "zh"))).toEqual(["video-production-for-online-courses"]);
    expect(slugs(await catalogue().searchCourses({ q: "الذكاء الاصطناعي" }, "ar"))).toEqual(["ai-in-teaching-eg"]);
    const russian = await catalogue().searchCourses({ lang: "ru", limit: 100 }, "ru");
    expect(russian.items.every((c) => c.shownLocale === "ru")).toBe(true);
    expect(russian.total).toBeGreaterThanOrEqual(4);
  });

  test("gives every course a generated cover (no upload), and its media course a rendered video with captions in three languages and a handout", async () => {
    const page = await catalogue().searchCourses({ limit: 100 }, "en");
    expect(page.items.filter((c) => c.coverImageUrl !== null)).toEqual([]);
    const course = await catalogue().getCourse("digital-literacy-for-teachers-kg", "en");
    const video = course.syllabus.flatMap((m) => m.lessons).find((l) => l.kind === "video")!;
    const { media } = await catalogue().getLesson(course.slug, video.id, "en");
    expect(media.video).toEqual({ url: expect.stringMatching(/\.webm$/), mimeType: "video/webm" });
    expect(media.captions.map((c) => c.locale).sort()).toEqual(["ar", "en", "ru"]);
    expect(media.downloads.map((d) => d.mimeType)).toEqual(["application/pdf"]);
  });

  test("has no hollow lesson: every video has its video, every download its file, every reading its text in each ready language", async () => {
    const page = await catalogue().searchCourses({ limit: 100 }, "en");
    const hollow: string[] = [];
    for (const summary of page.items) {
      const course = await catalogue().getCourse(summary.slug, "en");
      for (const language of course.languages) {
        for (const outline of course.syllabus.flatMap((m) => m.lessons)) {
          const lesson = await catalogue().getLesson(course.slug, outline.id, language as "en");
          const where = `${course.slug} ${language} “${lesson.title}”`;
          if (lesson.kind === "video" && !lesson.media.video) hollow.push(`${where}: no video`);
          if (lesson.kind === "file" && !lesson.media.downloads.length) hollow.push(`${where}: no file`);
          // A lesson shown in this language (its translation ready) has its own text.
          if (lesson.kind === "text" && lesson.shownLocale === language && (lesson.bodyLocale !== language || !lesson.bodyHtml)) {
            hollow.push(`${where}: no text`);
          }
        }
      }
      if (course.summaryLocale !== course.shownLocale) hollow.push(`${course.slug}: no summary in ${course.shownLocale}`);
    }
    expect(hollow).toEqual([]);
  });
});
