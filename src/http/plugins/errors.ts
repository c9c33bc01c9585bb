import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type FieldIssue, isDomainError, type MessageParams } from "../../domain/shared/errors.ts";
import { toFieldIssues } from "../../domain/shared/validation.ts";
import { type TranslatedField, translateError } from "../../i18n/error-messages.ts";
import { requestLocale } from "../request-locale.ts";

export type ErrorBody = {
  error: { code: string; message: string; fields?: TranslatedField[] };
};

/** Fastify's own error codes that are the client's fault, and what we call them. */
const clientErrors: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: "unsupported_media_type" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "bad_request" },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "bad_request" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "bad_request" },
};

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  fields: FieldIssue[] = [],
  params: MessageParams = {},
) {
  const translated = translateError({ code, params, fields }, requestLocale(request));
  const body: ErrorBody = { error: { code, message: translated.message } };
  if (translated.fields.length) body.error.fields = translated.fields;
  return reply.status(status).type("application/json; charset=utf-8").send(body);
}

/** Re-validates the failing request part, so its issues name messages that are then translated. */
function issuesOf(request: FastifyRequest, part: string | undefined): FieldIssue[] | undefined {
  const key = part === "querystring" ? "querystring" : part;
  const schema = key ? (request.routeOptions.schema as Record<string, unknown> | undefined)?.[key] : undefined;
  if (!(schema instanceof z.ZodType)) return undefined;
  const data = key === "querystring" ? request.query : (request as unknown as Record<string, unknown>)[key as string];
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? undefined : toFieldIssues(result.error);
}

/** The one place where errors become HTTP responses; 5xx details stay in the log. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) return send(reply, request, error.status, error.code, error.fields, error.params);
    if (error.validation) {
      const fields =
        issuesOf(request, error.validationContext) ??
        error.validation.map(
          (v): FieldIssue => ({
            path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
            code: v.keyword,
            messageId: "input.invalid",
          }),
        );
      return send(reply, request, 400, "validation_failed", fields);
    }
    const known = error.code ? clientErrors[error.code] : undefined;
    if (known) return send(reply, request, known.status, known.code);
    if (error.statusCode === 429) return send(reply, request, 429, "rate_limited", undefined, { minutes: 1 });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return send(reply, request, error.statusCode, "bad_request");
    request.log.error({ err: error }, "unhandled error");
    return send(reply, request, 500, "internal");
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, 404, "not_found", undefined, { what: request.url }));
}
