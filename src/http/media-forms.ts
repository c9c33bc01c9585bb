import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Upload } from "../domain/catalogue/dto.ts";
import { isDomainError } from "../domain/shared/errors.ts";
import { isLocale } from "../i18n/locales.ts";
import type { Services } from "../services.ts";
import { csrfTokensMatch, expectedCsrfToken } from "../web/csrf-check.server.ts";
import { CSRF_FIELD, csrfCookieName } from "../web/csrf-token.ts";
import { multipartLimits } from "./routes/media.ts";

type Params = { lang: string; slug: string; lessonId?: string };

const slugPattern = /^[a-z0-9-]{2,80}$|^[0-9a-f-]{36}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The upload forms of the authoring pages, without JavaScript (decision 0009). React Router would
 * read the whole body before an action runs, so these posts are answered here instead: the file
 * part streams to storage, and the browser is sent back to the editor (303) with a notice or an
 * error code the page translates. The CSRF field must come before the file in the form.
 */
export async function mediaFormRoutes(app: FastifyInstance, options: { services: Services }) {
  const media = options.services.media;
  await app.register(multipart, { limits: multipartLimits(media.limits) });

  async function handle(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    back: string,
    anchor: string,
    save: (fields: Record<string, string>, upload: Upload) => Promise<unknown>,
  ) {
    const { lang } = request.params;
    const answer = (query: Record<string, string>) => reply.redirect(`${back}?${new URLSearchParams(query)}#${anchor}`, 303);
    if (!request.actor) return reply.redirect(`/${lang}/sign-in?next=${encodeURIComponent(back)}`, 303);
    if (!request.isMultipart()) return answer({ error: "unsupported_media_type" });
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === "field") {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        const expected = expectedCsrfToken(request.sessionToken, request.cookies[csrfCookieName(request.server.secureCookies)]);
        if (!csrfTokensMatch(expected, fields[CSRF_FIELD])) {
          part.file.resume();
          return answer({ error: "csrf_failed" });
        }
        if (!part.filename) {
          part.file.resume();
          return answer({ error: "validation_failed", problem: "missing" });
        }
        await save(fields, { fileName: part.filename, stream: part.file });
        return answer({ notice: "uploaded" });
      }
      return answer({ error: "validation_failed", problem: "missing" });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problem = error.fields[0]?.code;
      return answer({ error: error.code, ...(problem ? { problem } : {}) });
    }
  }

  const valid = ({ lang, slug, lessonId }: Params) => isLocale(lang) && slugPattern.test(slug) && (!lessonId || uuidPattern.test(lessonId));

  app.post<{ Params: Params }>(
    "/:lang/manage/courses/:slug/lessons/:lessonId/upload",
    { schema: { hide: true } },
    async (request, reply) => {
      if (!valid(request.params)) return reply.callNotFound();
      const { lang, slug, lessonId } = request.params;
      return handle(request, reply, `/${lang}/manage/courses/${slug}/lessons/${lessonId}`, "media", (fields, upload) => {
        if (fields.kind === "captions") {
          const status = fields.status === "draft" ? "draft" : "ready";
          return media.uploadCaptions(request.actor, slug, lessonId!, fields.locale ?? "", upload, status);
        }
        const role = fields.kind === "video" ? "video" : "download";
        return media.uploadLessonFile(request.actor, slug, lessonId!, role, upload, { locale: fields.locale || null });
      });
    },
  );

  app.post<{ Params: Params }>("/:lang/manage/courses/:slug/cover", { schema: { hide: true } }, async (request, reply) => {
    if (!valid(request.params)) return reply.callNotFound();
    const { lang, slug } = request.params;
    return handle(request, reply, `/${lang}/manage/courses/${slug}`, "cover", (_fields, upload) =>
      media.uploadCover(request.actor, slug, upload),
    );
  });
}
