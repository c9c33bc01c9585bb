import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courses } from "../../src/domain/catalogue/schema.ts";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { simplePdf, twoColourPng } from "../../src/seed/files.ts";
import { createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
let courseId: string;
let lessonId: string;
let author: { authorization: string };

const pdf = simplePdf(["Orbis handout", "Line two"]);

async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `media-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "Media tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "media-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "media tests" });
  return { authorization: `Bearer ${token}` };
}

/** A multipart body with one file part, as a browser or curl -F sends it. */
function multipart(fileName: string, bytes: Buffer | string, contentType = "application/octet-stream") {
  const boundary = `----orbis${crypto.randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(method: "POST" | "PUT", url: string, headers: Record<string, string>, fileName: string, bytes: Buffer | string) {
  const body = multipart(fileName, bytes);
  return app.inject({ method, url, payload: body.payload, headers: { ...headers, ...body.headers } });
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services, { slug: "media-api-ng", name: "Media API Nigeria Centre", country: "NG" })).id;
  const course = await createCourse(runtime.services, centreId, { publish: false });
  courseId = course.id;
  lessonId = course.syllabus[0]!.lessons[0]!.id;
  author = await bearer({ role: "author", organisationId: centreId });
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

describe("media API", () => {
  let fileUrl: string;

  test("an author uploads a download and it is served with ranges, validators and safe headers", async () => {
    const response = await upload(
      "POST",
      `/api/v1/courses/${courseId}/lessons/${lessonId}/files?role=download&locale=en`,
      author,
      "handout.pdf",
      pdf,
    );
    expect(response.statusCode, response.body).toBe(201);
    const download = response.json().downloads[0];
    expect(download).toMatchObject({ name: "handout.pdf", mimeType: "application/pdf", byteSize: pdf.length, locale: "en" });
    fileUrl = download.url;

    const whole = await app.inject({ method: "GET", url: fileUrl, headers: author });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(pdf)).toBe(true);
    expect(whole.headers).toMatchObject({
      "content-type": "application/pdf",
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-cache",
      "content-length": String(pdf.length),
    });
    expect(whole.headers["content-disposition"]).toBe(`attachment; filename="handout.pdf"; filename*=UTF-8''handout.pdf`);
    expect(whole.headers["content-encoding"]).toBeUndefined();

    const part = await app.inject({ method: "GET", url: fileUrl, headers: { ...author, range: "bytes=1-3" } });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe("PDF");
    expect(part.headers["content-range"]).toBe(`bytes 1-3/${pdf.length}`);

    const suffix = await app.inject({ method: "GET", url: fileUrl, headers: { ...author, range: "bytes=-6" } });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.body).toBe("%%EOF\n");

    const beyond = await app.inject({ method: "GET", url: fileUrl, headers: { ...author, range: `bytes=${pdf.length + 10}-` } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers["content-range"]).toBe(`bytes */${pdf.length}`);

    const cached = await app.inject({ method: "GET", url: fileUrl, headers: { ...author, "if-none-match": whole.headers.etag as string } });
    expect(cached.statusCode).toBe(304);
    const head = await app.inject({ method: "HEAD", url: fileUrl, headers: author });
    expect([head.statusCode, head.headers["content-length"], head.body]).toEqual([200, String(pdf.length), ""]);
  });

  test("a draft's file is hidden from others; a published course's files are public", async () => {
    expect((await app.inject({ method: "GET", url: fileUrl })).statusCode).toBe(404);
    const stranger = await bearer({ role: "author", organisationId: (await createCentre(runtime.services)).id });
    expect((await app.inject({ method: "GET", url: fileUrl, headers: stranger })).statusCode).toBe(404);
    await runtime.database.db.update(courses).set({ status: "published", publishedAt: new Date() }).where(eq(courses.id, courseId));
    const anonymous = await app.inject({ method: "GET", url: fileUrl });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["cache-control"]).toBe("public, max-age=86400");

    const lesson = await app.inject({ method: "GET", url: `/api/v1/courses/${courseId}/lessons/${lessonId}` });
    expect(lesson.json().media.downloads[0]).toMatchObject({ name: "handout.pdf", url: fileUrl });

    const locked = await upload(
      "PUT",
      `/api/v1/courses/${courseId}/cover?lang=ru`,
      author,
      "cover.png",
      twoColourPng(8, 8, [1, 2, 3], [4, 5, 6]),
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("course_published");
    await runtime.database.db.update(courses).set({ status: "draft", publishedAt: null }).where(eq(courses.id, courseId));
  });

  test("a file name with direction controls is served without them (invoice\\u202Efdp.pdf does not pass for another type)", async () => {
    const uploaded = await upload(
      "POST",
      `/api/v1/courses/${courseId}/lessons/${lessonId}/files?role=download&locale=en`,
      author,
      "invoice\u202Efdp\u200B.pdf",
      pdf,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const served = uploaded.json().downloads.find((d: { name: string }) => d.name.startsWith("invoice"));
    const response = await app.inject({ method: "GET", url: served.url, headers: author });
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="invoicefdp.pdf"; filename*=UTF-8''invoicefdp.pdf`);
  });

  test("a draft lesson's media are read by the owner's translators (to translate captions), as documented; not by learners", async () => {
    const translator = await bearer({ role: "translator", organisationId: centreId });
    const learner = await bearer({ role: "learner", organisationId: null });
    const url = `/api/v1/courses/${courseId}/lessons/${lessonId}/media`;
    expect((await app.inject({ method: "GET", url, headers: translator })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url, headers: learner })).statusCode).toBe(404);
    const document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(document.paths["/api/v1/courses/{id}/lessons/{lessonId}/media"].get.summary).toMatch(/translators/);
  });

  test("too large is 413, a wrong or disguised type is 415, in the reader's language", async () => {
    const captionsUrl = `/api/v1/courses/${courseId}/lessons/${lessonId}/captions/ru?lang=ru`;
    const big = await upload("PUT", captionsUrl, author, "ru.vtt", `WEBVTT\n\n00:00.000 --> 00:01.000\n${"я".repeat(600_000)}\n`);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "payload_too_large", fields: [{ path: "file", message: "Файл больше 1 МБ." }] });

    const svg = await upload("PUT", `/api/v1/courses/${courseId}/cover`, author, "cover.png", '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(svg.statusCode).toBe(415);
    const html = await upload(
      "POST",
      `/api/v1/courses/${courseId}/lessons/${lessonId}/files?role=download`,
      author,
      "a.pdf",
      "<html></html>",
    );
    expect(html.statusCode).toBe(415);
    const notMultipart = await app.inject({
      method: "PUT",
      url: `/api/v1/courses/${courseId}/cover`,
      headers: { ...author, "content-type": "application/json" },
      payload: "{}",
    });
    expect(notMultipart.statusCode).toBe(415);

    const good = await upload("PUT", captionsUrl, author, "ru.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nПривет\n");
    expect(good.statusCode).toBe(200);
    expect(good.json().captions).toEqual([expect.objectContaining({ locale: "ru", status: "ready" })]);
  });

  test("authors of other centres get 403, anonymous callers 401; external links must be https", async () => {
    const other = await bearer({ role: "centre_admin", organisationId: (await createCentre(runtime.services)).id });
    const refused = await upload("PUT", `/api/v1/courses/${courseId}/cover`, other, "cover.png", twoColourPng(8, 8, [1, 2, 3], [4, 5, 6]));
    expect(refused.statusCode).toBe(403);
    const anonymous = await upload("PUT", `/api/v1/courses/${courseId}/cover`, {}, "cover.png", twoColourPng(8, 8, [1, 2, 3], [4, 5, 6]));
    expect(anonymous.statusCode).toBe(401);

    const url = `/api/v1/courses/${courseId}/lessons/${lessonId}/external-video`;
    const insecure = await app.inject({ method: "PUT", url, headers: author, payload: { url: "http://example.org/v" } });
    expect(insecure.statusCode).toBe(400);
    const linked = await app.inject({ method: "PUT", url, headers: author, payload: { url: "https://example.org/v" } });
    expect(linked.json()).toMatchObject({ externalUrl: "https://example.org/v", video: null });

    const cover = await upload("PUT", `/api/v1/courses/${courseId}/cover`, author, "cover.png", twoColourPng(8, 8, [1, 2, 3], [4, 5, 6]));
    expect(cover.statusCode).toBe(200);
    const course = await app.inject({ method: "GET", url: `/api/v1/courses/${courseId}`, headers: author });
    expect(course.json().coverImageUrl).toBe(cover.json().coverImageUrl);
    const image = await app.inject({ method: "GET", url: cover.json().coverImageUrl, headers: author });
    expect([image.headers["content-type"], image.headers["content-disposition"]?.toString().startsWith("inline")]).toEqual([
      "image/png",
      true,
    ]);
  });

  test("the OpenAPI document describes the multipart uploads", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const cover = doc.paths["/api/v1/courses/{id}/cover"].put;
    expect(Object.keys(cover.requestBody.content)).toEqual(["multipart/form-data"]);
    expect(doc.paths["/api/v1/files/{id}/{name}"].get).toBeDefined();
  });
});
