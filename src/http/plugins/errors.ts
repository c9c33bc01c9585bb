import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { z } from "zod";
import { isDatabaseUnavailable } from "../../db/client.ts";
import { caseStatusInfo } from "../../domain/competencies/case-format.ts";
import { type FieldIssue, isDomainError, type MessageParams } from "../../domain/shared/errors.ts";
import { toFieldIssues } from "../../domain/shared/validation.ts";
import { type TranslatedField, translateError } from "../../i18n/error-messages.ts";
import { negotiateLocale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { plainRefusalPage } from "../../web/components/plain-page.server.ts";
import { requestLocale } from "../request-locale.ts";

export type ErrorBody = {
  error: { code: string; message: string; fields?: TranslatedField[] };
};

/** A refusal decided outside the UI's routes, for the UI to render as a page (src/http/web.ts). */
export type Refusal = { status: number; code: string };
export type PageRenderer = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => Promise<FastifyReply>;
/** Set once the UI is registered; until then, or without a UI, refusals are plain translated pages. */
export type Pages = { render?: PageRenderer };

/** How long a client should wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** Fastify's own error codes that are the client's fault, and what we call them. */
const clientErrors: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: "unsupported_media_type" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "bad_request" },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "bad_request" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "bad_request" },
  FST_ERR_BAD_URL: { status: 400, code: "bad_request" },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: "uri_too_long" },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: "payload_too_large" },
  FST_PARTS_LIMIT: { status: 413, code: "payload_too_large" },
  FST_FILES_LIMIT: { status: 413, code: "payload_too_large" },
  FST_FIELDS_LIMIT: { status: 413, code: "payload_too_large" },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: "unsupported_media_type" },
};

/** What the multipart parser (busboy) throws on a body that is cut short or malformed: plain Errors, no code. */
const brokenMultipart =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|.* terminated early due to unexpected end of multipart data|Malformed part header)$/;

/**
 * The path a request was routed by: the route's pattern, else the path percent-decoded as the
 * router reads it. `request.url` is what the client wrote, and `/%61pi/v1/…` reaches the API.
 */
export function routedPath(request: FastifyRequest): string {
  let pattern: string | undefined;
  try {
    pattern = request.routeOptions.url;
  } catch {
    // Fastify's own early errors come with no route.
  }
  if (pattern && pattern !== "/*") return pattern;
  const path = request.url.split("?")[0] ?? "";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The API, the calendar feeds and the CASE endpoints answer in JSON; every other path is a page someone looks at. */
export function wantsPage(request: FastifyRequest): boolean {
  return !/^\/(api|calendar|ims)(\/|$)|^\/(healthz|readyz)$/.test(routedPath(request));
}

export async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  fields: FieldIssue[] = [],
  params: MessageParams = {},
  pages: Pages = {},
): Promise<FastifyReply> {
  reply.header("cache-control", "no-store");
  if (status === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
  if (wantsPage(request)) return sendPage(request, reply, { status, code }, pages);
  // The CASE provider endpoints are a standard's contract: their consumers read imsx_StatusInfo.
  if (routedPath(request).startsWith("/ims/case/")) {
    const minor = status === 404 ? "unknownobject" : status >= 500 ? "internal_server_error" : "invalid_selection_field";
    return reply
      .status(status)
      .type("application/json; charset=utf-8")
      .send(caseStatusInfo(minor, translateError({ code, params, fields }, "en").message));
  }
  const translated = translateError({ code, params, fields }, requestLocale(request));
  const body: ErrorBody = { error: { code, message: translated.message } };
  if (translated.fields.length) body.error.fields = translated.fields;
  return reply.status(status).type("application/json; charset=utf-8").send(body);
}

async function sendPage(request: FastifyRequest, reply: FastifyReply, refusal: Refusal, pages: Pages): Promise<FastifyReply> {
  if (pages.render) {
    try {
      return await pages.render(request, reply, refusal);
    } catch (error) {
      request.log.error({ err: error }, "the refusal page failed; sending the plain one");
    }
  }
  const url = new URL(request.url, "http://orbis.invalid");
  const { html } = plainRefusalPage(url, request.headers["accept-language"] ?? null, `error.${refusal.code}` as MessageId);
  return reply.status(refusal.status).type("text/html; charset=utf-8").send(html);
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
export function registerErrorHandling(app: FastifyInstance, pages: Pages) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, code: string, fields?: FieldIssue[], params?: MessageParams) =>
      sendError(request, reply, status, code, fields, params, pages);
    if (isDomainError(error)) return send(error.status, error.code, error.fields, error.params);
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
      return send(400, "validation_failed", fields);
    }
    const known = error.code ? clientErrors[error.code] : undefined;
    if (known) return send(known.status, known.code);
    if (brokenMultipart.test(error.message)) return send(400, "bad_request");
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return send(503, "service_unavailable");
    }
    if (error.statusCode === 429) return send(429, "rate_limited", undefined, { minutes: 1 });
    if (error.statusCode === 413) return send(413, "payload_too_large");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return send(error.statusCode, "bad_request");
    request.log.error({ err: error }, "unhandled error");
    return send(500, "internal");
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, "not_found", undefined, { what: request.url }, pages));
}

/** Errors Fastify raises before a route is found (a URL it cannot decode, a parameter too long), in our shape. */
export function frameworkErrors(pages: Pages): NonNullable<FastifyServerOptions["frameworkErrors"]> {
  return (error, request, reply) => {
    const known = clientErrors[error.code] ?? { status: 400, code: "bad_request" };
    void sendError(request, reply, known.status, known.code, [], {}, pages);
  };
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (malformed, headers or address too
 * long, headers too slow), answered in our shape on the raw socket, in the language the request
 * asked for if its headers can be read.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions["clientErrorHandler"]> = (error, socket) => {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "request_timeout"]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "headers_too_large"]
        : [400, "bad_request"];
  if (socket.writable) {
    const packet: unknown = error.rawPacket;
    const language = Buffer.isBuffer(packet) ? packet.toString("latin1").match(/\r\naccept-language:([^\r\n]*)/i)?.[1] : undefined;
    const message = translatorFor(negotiateLocale(language))(`error.${code}` as MessageId);
    const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
};
