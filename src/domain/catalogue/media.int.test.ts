import fs from "node:fs";
import { Readable } from "node:stream";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { actorWith, createCentre, learner } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import { readAll } from "../../infra/storage.ts";
import { simplePdf, twoColourPng } from "../../seed/files.ts";
import type { CentreDto } from "../network/dto.ts";
import type { Actor, RoleGrant } from "../shared/actor.ts";
import type { CourseDto, CourseStatus } from "./dto.ts";
import { courses, storedFiles } from "./schema.ts";

let runtime: TestRuntime;
let centre: CentreDto;
let otherCentre: CentreDto;
let course: CourseDto;
let lessonId: string;

const media = () => runtime.services.media;
/** Uploads record who made them, so the actors here are real accounts. */
const person = (grant: RoleGrant): Promise<Actor> => createSignedInUser(runtime.services, { roles: [grant] });
const secretariat = () => person({ role: "secretariat", organisationId: null });
const centreAdminOf = (id: string) => person({ role: "centre_admin", organisationId: id });
const centreStaffOf = (id: string) => person({ role: "centre_staff", organisationId: id });
const upload = (fileName: string, bytes: Buffer | string) => ({ fileName, stream: Readable.from([Buffer.from(bytes)]) });
const captions = (text: string) => `WEBVTT\n\n00:00.000 --> 00:03.000\n${text}\n`;
/** An MP4's first box: enough for the type to be read from the bytes. */
const mp4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from("ftypisom"),
  Buffer.alloc(4),
  Buffer.from("isomiso2"),
  Buffer.alloc(64),
]);

/** Every file left in storage, temporary ones included. */
const storedOnDisk = () => fs.readdirSync(runtime.filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
const fileRows = async () => (await runtime.database.db.select({ n: count() }).from(storedFiles))[0]!.n;

async function setStatus(courseId: string, status: CourseStatus) {
  await runtime.database.db
    .update(courses)
    .set({ status, publishedAt: status === "published" ? new Date() : null })
    .where(eq(courses.id, courseId));
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  centre = await createCentre(runtime.services, { slug: "media-kg", name: "Media Kyrgyzstan Centre", country: "KG" });
  otherCentre = await createCentre(runtime.services, { slug: "media-eg", name: "Media Egypt Centre", country: "EG" });
  course = await createCourse(runtime.services, centre.id, { publish: false });
  lessonId = course.syllabus[0]!.lessons[0]!.id;
});
afterAll(() => runtime?.close());

describe("lesson media", () => {
  test("an author uploads a video, captions and a download; readers of the lesson get them", async () => {
    const author = await person({ role: "author", organisationId: centre.id });
    await media().uploadLessonFile(author, course.slug, lessonId, "video", upload("talk.mp4", mp4));
    await media().uploadCaptions(author, course.slug, lessonId, "ru", upload("ru.vtt", captions("Привет")));
    await media().uploadCaptions(author, course.slug, lessonId, "ar", upload("ar.vtt", captions("مرحبا")), "draft");
    const pdf = simplePdf(["Handout"]);
    const result = await media().uploadLessonFile(author, course.slug, lessonId, "download", upload("../../Конспект.pdf", pdf), {
      locale: "ru",
    });
    expect(result.video).toMatchObject({ name: "talk.mp4", mimeType: "video/mp4", byteSize: mp4.length });
    expect(result.captions.map((c) => [c.locale, c.status])).toEqual([
      ["ar", "draft"],
      ["ru", "ready"],
    ]);
    expect(result.downloads).toEqual([
      expect.objectContaining({ name: "Конспект.pdf", mimeType: "application/pdf", byteSize: pdf.length, locale: "ru" }),
    ]);
    const sha = (await import("node:crypto")).createHash("sha256").update(pdf).digest("hex");
    expect(result.downloads[0]!.sha256).toBe(sha);

    const lesson = await runtime.services.catalogue.getLesson(course.slug, lessonId, "en", author);
    expect(lesson.media.video).toEqual({ url: result.video!.url, mimeType: "video/mp4" });
    expect(lesson.media.captions).toEqual([{ locale: "ru", url: result.captions[1]!.file.url }]);
    expect(lesson.media.downloads).toEqual([
      { name: "Конспект.pdf", url: result.downloads[0]!.url, mimeType: "application/pdf", byteSize: pdf.length, locale: "ru" },
    ]);

    const served = await media().openFile(author, result.downloads[0]!.id);
    expect(served).toMatchObject({ disposition: "attachment", public: false, mimeType: "application/pdf" });
    expect((await readAll(served.read({ start: 0, end: 7 }))).toString()).toBe("%PDF-1.4");
  });

  test("an external https link replaces the uploaded video, and an upload replaces the link", async () => {
    const admin = await centreAdminOf(centre.id);
    const before = storedOnDisk();
    const linked = await media().setExternalVideo(admin, course.id, lessonId, "https://videos.example.org/watch/1");
    expect(linked).toMatchObject({ video: null, externalUrl: "https://videos.example.org/watch/1" });
    expect(storedOnDisk()).toBe(before - 1);
    const lesson = await runtime.services.catalogue.getLesson(course.id, lessonId, "en", admin);
    expect(lesson.media.video).toEqual({ externalUrl: "https://videos.example.org/watch/1" });

    for (const url of ["http://videos.example.org/1", "javascript:alert(1)", "ftp://example.org/v.mp4", "https://"]) {
      expect((await failure(media().setExternalVideo(admin, course.id, lessonId, url))).status).toBe(400);
    }
    const uploaded = await media().uploadLessonFile(admin, course.id, lessonId, "video", upload("talk.mp4", mp4));
    expect(uploaded.externalUrl).toBeNull();
    expect(uploaded.video?.name).toBe("talk.mp4");
  });

  test("replacing and removing captions and downloads deletes their records and bytes", async () => {
    const staff = await centreStaffOf(centre.id);
    const [files, disk] = [await fileRows(), storedOnDisk()];
    await media().uploadCaptions(staff, course.id, lessonId, "ru", upload("ru2.vtt", captions("Снова привет")));
    expect([await fileRows(), storedOnDisk()]).toEqual([files, disk]);
    const afterRemoval = await media().removeCaptions(staff, course.id, lessonId, "ar");
    expect(afterRemoval.captions.map((c) => c.locale)).toEqual(["ru"]);
    const download = afterRemoval.downloads[0]!;
    const removed = await media().removeLessonFile(staff, course.id, lessonId, download.id);
    expect(removed.downloads).toEqual([]);
    expect([await fileRows(), storedOnDisk()]).toEqual([files - 2, disk - 2]);
    expect((await failure(media().removeLessonFile(staff, course.id, lessonId, download.id))).status).toBe(404);
  });

  test("a file too large, of the wrong type or in disguise is refused and nothing is kept", async () => {
    const author = await secretariat();
    const [files, disk] = [await fileRows(), storedOnDisk()];
    const big = `WEBVTT\n\n00:00.000 --> 00:01.000\n${"x".repeat(1024 * 1024)}\n`;
    const tooLarge = await failure(media().uploadCaptions(author, course.id, lessonId, "en", upload("big.vtt", big)));
    expect(tooLarge).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(translateError(tooLarge, "en").fields[0]?.message).toBe("The file is larger than 1 MB.");

    const disguised = [
      ["download", "report.pdf", "<html><script>alert(1)</script></html>"],
      ["download", "logo.png", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ["download", "page.html", "<p>hi</p>"],
      ["download", "notes.txt", "<script>alert(1)</script>"],
      ["download", "image.png", simplePdf(["not a png"])],
      ["video", "talk.webm", mp4],
      ["video", "talk.mp4", ""],
    ] as const;
    for (const [role, name, bytes] of disguised) {
      const error = await failure(media().uploadLessonFile(author, course.id, lessonId, role, upload(name, bytes)));
      expect([name, error.status, error.code]).toEqual([name, 415, "unsupported_media_type"]);
    }
    const badCaptions = await failure(
      media().uploadCaptions(author, course.id, lessonId, "en", upload("en.vtt", "1\n00:00:01,000 --> 00:00:02,000\nSRT\n"), "ready"),
    );
    expect(badCaptions.status).toBe(415);
    expect(translateError(badCaptions, "ru").fields[0]?.message).toBe("Файл WebVTT начинается со строки WEBVTT.");
    const cover = await failure(media().uploadCover(author, course.id, upload("cover.svg", "<svg/>")));
    expect(cover.status).toBe(415);
    expect([await fileRows(), storedOnDisk()]).toEqual([files, disk]);
  });

  test("only the owner's authors and the secretariat change media; drafts' files are theirs to read", async () => {
    const foreign = [await centreAdminOf(otherCentre.id), actorWith({ role: "author", organisationId: otherCentre.id }), learner()];
    for (const actor of foreign) {
      const error = await failure(media().uploadLessonFile(actor, course.id, lessonId, "video", upload("talk.mp4", mp4)));
      expect(error.status).toBe(403);
    }
    expect((await failure(media().uploadCover(null, course.id, upload("c.png", twoColourPng(4, 4, [0, 0, 0], [9, 9, 9]))))).status).toBe(
      401,
    );
    const { video } = await media().getLessonMedia(await secretariat(), course.id, lessonId);
    expect((await failure(media().openFile(null, video!.id))).status).toBe(404);
    expect((await failure(media().openFile(await centreAdminOf(otherCentre.id), video!.id))).status).toBe(404);
    const reviewer = actorWith({ role: "reviewer", organisationId: null });
    expect((await media().openFile(reviewer, video!.id)).disposition).toBe("inline");
  });

  test("a cover image is stored, shown on the course, and public once the course is published", async () => {
    const admin = await centreAdminOf(centre.id);
    const png = twoColourPng(32, 18, [20, 90, 160], [240, 240, 240]);
    const url = await media().uploadCover(admin, course.id, upload("cover.png", png));
    expect((await runtime.services.catalogue.getCourse(course.id, "en", admin)).coverImageUrl).toBe(url);
    const replaced = await media().uploadCover(admin, course.id, upload("cover2.png", png));
    expect(replaced).not.toBe(url);

    await setStatus(course.id, "published");
    const id = replaced.split("/")[4]!;
    expect(await media().openFile(null, id)).toMatchObject({ public: true, disposition: "inline", mimeType: "image/png" });
    const { video } = await media().getLessonMedia(admin, course.id, lessonId);
    expect((await media().openFile(null, video!.id)).public).toBe(true);

    const refused = await failure(media().uploadCover(admin, course.id, upload("cover3.png", png)));
    expect(refused).toMatchObject({ status: 409, code: "course_published" });
    expect((await failure(media().removeLessonFile(admin, course.id, lessonId, video!.id))).status).toBe(409);
    expect((await failure(media().setExternalVideo(admin, course.id, lessonId, null))).status).toBe(409);
    await setStatus(course.id, "draft");
    await media().removeCover(admin, course.id);
    expect((await runtime.services.catalogue.getCourse(course.id, "en", admin)).coverImageUrl).toBeNull();
  });

  test("a lesson of another course is not found", async () => {
    const other = await createCourse(runtime.services, otherCentre.id, { publish: false });
    const error = await failure(
      media().uploadLessonFile(await secretariat(), course.id, other.syllabus[0]!.lessons[0]!.id, "video", upload("t.mp4", mp4)),
    );
    expect(error.status).toBe(404);
  });
});
