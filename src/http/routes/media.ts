import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import rangeParser from "range-parser";
import { z } from "zod";
import { coverImageDto, lessonMediaAdminDto, type ServedFile, type Upload } from "../../domain/catalogue/dto.ts";
import { courseRefSchema, externalVideoSchema, fieldStatusSchema } from "../../domain/catalogue/validation.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { withoutInvisibleControls } from "../../domain/shared/text.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { lang, langQuery, noContent, routeDocs, security, signedIn } from "./common.ts";

const docs = routeDocs("media");

const lessonParams = z.object({ id: courseRefSchema, lessonId: z.uuid() }).strict();

/**
 * A multipart body with one part named `file`. The route reads the stream itself (never buffered),
 * so the schema documents the body for OpenAPI and accepts what the parser left.
 */
const fileBody = (description: string) =>
  z
    .object({ file: z.unknown().meta({ type: "string", format: "binary", description }) })
    .nullish()
    .meta({ description: "multipart/form-data with one part named `file`" });

/** The media service enforces each kind's limit; the parser's is only a backstop above the largest. */
export function multipartLimits(limits: Record<string, number>) {
  return { files: 1, fields: 5, parts: 6, fileSize: Math.max(...Object.values(limits)) + 1 };
}

/** The one file part of a multipart request, as an upload the media service streams to storage. */
async function uploadOf(request: FastifyRequest): Promise<Upload> {
  const part = await request.file();
  if (part?.fieldname !== "file")
    throw new DomainError("validation_failed", 400, {}, [{ path: "file", code: "required", messageId: "input.required" }]);
  return { fileName: part.filename, stream: part.file };
}

/**
 * Uploads are multipart, refused as such before their body is looked at. A session cookie is sent
 * by the browser whoever made the page, so a cookie-authenticated upload must come from our own
 * origin; API clients with a Bearer token send no Origin of another site.
 */
export async function uploadRequest(request: FastifyRequest) {
  if (!request.isMultipart()) throw new DomainError("unsupported_media_type", 415);
  const origin = request.headers.origin;
  if (request.sessionToken && origin && new URL(origin).host !== request.headers.host) throw new DomainError("forbidden", 403);
}

/** The name the browser saves under, without direction controls: `invoice\u202Efdp.zip` must not pass for a PDF. */
function contentDisposition(file: Pick<ServedFile, "name" | "disposition">): string {
  const name = withoutInvisibleControls(file.name) || "download";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${file.disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Streams a stored file with validators and byte ranges: players seek, and slow lines resume. */
export async function sendFile(request: FastifyRequest, reply: FastifyReply, file: ServedFile) {
  const etag = `"${file.sha256}"`;
  const textual = file.mimeType.startsWith("text/");
  reply
    .header("accept-ranges", "bytes")
    .header("etag", etag)
    .header("cache-control", file.public ? "public, max-age=86400" : "private, no-cache")
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("content-disposition", contentDisposition(file))
    .header("content-type", textual ? `${file.mimeType}; charset=utf-8` : file.mimeType);
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) {
    return reply.status(304).send();
  }
  const range = request.headers.range;
  const ifRange = request.headers["if-range"];
  if (range && (!ifRange || ifRange === etag)) {
    const ranges = rangeParser(file.byteSize, range, { combine: true });
    if (ranges === -1) return reply.status(416).header("content-range", `bytes */${file.byteSize}`).send();
    // A malformed header is ignored (RFC 9110); several ranges get the whole file, which is allowed too.
    if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1) {
      const { start, end } = ranges[0]!;
      reply
        .status(206)
        .header("content-range", `bytes ${start}-${end}/${file.byteSize}`)
        .header("content-length", end - start + 1);
      return reply.send(file.read({ start, end }));
    }
  }
  reply.header("content-length", file.byteSize);
  // HEAD is answered by Fastify from this GET route, without the body.
  return reply.send(file.read());
}

/** Uploaded files: serving them, and the authors' uploads of lesson media and course covers. */
export async function mediaRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const media = options.services.media;
  // Only in this plugin: the rest of the API takes JSON, and the UI reads its own bodies.
  await app.register(multipart, { limits: multipartLimits(media.limits) });

  app.get(
    "/files/:id/:name",
    {
      compress: false,
      schema: {
        tags: docs.tags,
        summary: "A stored file (lesson video, captions, download, cover), with range requests",
        description:
          "Files of published courses are public; a draft's files are served to its authors, reviewers and translators. " +
          "Supports `Range` (one range; 206, or 416 when unsatisfiable), `If-None-Match` and `If-Range`.",
        params: z.object({ id: z.uuid(), name: z.string().max(300) }).strict(),
      },
    },
    async (request, reply) => sendFile(request, reply, await media.openFile(request.actor, request.params.id)),
  );

  app.get(
    "/courses/:id/lessons/:lessonId/media",
    docs.signedIn("A lesson's video, captions (every status) and downloads, for its authors, reviewers and translators", {
      params: lessonParams,
      response: { 200: lessonMediaAdminDto },
    }),
    async (request) => media.getLessonMedia(request.actor, request.params.id, request.params.lessonId),
  );

  app.post(
    "/courses/:id/lessons/:lessonId/files",
    {
      preValidation: [signedIn, uploadRequest],
      schema: {
        tags: docs.tags,
        security,
        summary: "Upload the lesson's video (replacing it) or a download (its authors, draft courses only)",
        description:
          "Video: mp4, webm or ogg, up to the configured limit (500 MB by default). Downloads: pdf, docx, xlsx, pptx, odt, ods, odp, " +
          "png, jpeg, webp, gif, zip, txt, csv, up to 50 MB. The type is read from the bytes and must agree with the name: " +
          "415 otherwise, 413 when too large; nothing is kept from a refused upload.",
        params: lessonParams,
        querystring: z
          .object({
            role: z.enum(["video", "download"]),
            locale: contentLocaleSchema.optional().describe("The language of a download's content"),
            ...lang,
          })
          .strict(),
        consumes: ["multipart/form-data"],
        body: fileBody("The video or the file to download"),
        response: { 201: lessonMediaAdminDto },
      },
    },
    async (request, reply) => {
      const { id, lessonId } = request.params;
      const upload = await uploadOf(request);
      const result = await media.uploadLessonFile(request.actor, id, lessonId, request.query.role, upload, {
        locale: request.query.locale,
      });
      return reply.status(201).send(result);
    },
  );

  app.delete(
    "/courses/:id/lessons/:lessonId/files/:fileId",
    docs.signedIn("Remove the lesson's video or one of its downloads", {
      params: z.object({ id: courseRefSchema, lessonId: z.uuid(), fileId: z.uuid() }).strict(),
      response: { 200: lessonMediaAdminDto },
    }),
    async (request) => media.removeLessonFile(request.actor, request.params.id, request.params.lessonId, request.params.fileId),
  );

  app.put(
    "/courses/:id/lessons/:lessonId/captions/:locale",
    {
      preValidation: [signedIn, uploadRequest],
      schema: {
        tags: docs.tags,
        security,
        summary: "Upload the lesson's WebVTT captions in one language (replacing them)",
        description: "UTF-8 WebVTT with valid cue timings, up to 1 MB; 415 with the problem otherwise.",
        params: z.object({ id: courseRefSchema, lessonId: z.uuid(), locale: contentLocaleSchema }).strict(),
        querystring: z.object({ status: fieldStatusSchema.optional(), ...lang }).strict(),
        consumes: ["multipart/form-data"],
        body: fileBody("A .vtt file"),
        response: { 200: lessonMediaAdminDto },
      },
    },
    async (request) => {
      const { id, lessonId, locale } = request.params;
      const upload = await uploadOf(request);
      return media.uploadCaptions(request.actor, id, lessonId, locale, upload, request.query.status);
    },
  );

  app.delete(
    "/courses/:id/lessons/:lessonId/captions/:locale",
    docs.signedIn("Remove the lesson's captions in one language", {
      params: z.object({ id: courseRefSchema, lessonId: z.uuid(), locale: contentLocaleSchema }).strict(),
      response: { 200: lessonMediaAdminDto },
    }),
    async (request) => media.removeCaptions(request.actor, request.params.id, request.params.lessonId, request.params.locale),
  );

  app.put(
    "/courses/:id/lessons/:lessonId/external-video",
    docs.signedIn("Link a video hosted elsewhere (https) instead of an upload; null removes the link", {
      params: lessonParams,
      body: z.object({ url: externalVideoSchema.nullable() }).strict(),
      response: { 200: lessonMediaAdminDto },
    }),
    async (request) => media.setExternalVideo(request.actor, request.params.id, request.params.lessonId, request.body.url),
  );

  app.put(
    "/courses/:id/cover",
    {
      preValidation: [signedIn, uploadRequest],
      schema: {
        tags: docs.tags,
        security,
        summary: "Upload the course's cover image (png, jpeg or webp, up to 5 MB), replacing it",
        params: z.object({ id: courseRefSchema }).strict(),
        querystring: langQuery,
        consumes: ["multipart/form-data"],
        body: fileBody("The cover image"),
        response: { 200: coverImageDto },
      },
    },
    async (request) => {
      const upload = await uploadOf(request);
      return { coverImageUrl: await media.uploadCover(request.actor, request.params.id, upload) };
    },
  );

  app.delete(
    "/courses/:id/cover",
    docs.signedIn("Remove the course's cover image", {
      params: z.object({ id: courseRefSchema }).strict(),
      response: noContent,
    }),
    async (request, reply) => {
      await media.removeCover(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
