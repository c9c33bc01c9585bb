import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { FieldIssue } from "../../domain/shared/errors.ts";
import { textIssue } from "../../domain/shared/text.ts";
import { type Pages, sendError } from "./errors.ts";

/**
 * C0 and C1 control characters and DEL, tab, line feed and carriage return apart: no text anyone
 * types holds them, PostgreSQL refuses NUL outright (a 500 before this check), and the others hide
 * in names and break files made from them. Which fields may hold line breaks is the schema's rule
 * (domain/shared/text.ts: every field is one line unless marked multi-line).
 */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if (code >= 0x7f && code <= 0x9f) return true;
  }
  return false;
}

/** Invalid text: control characters, or a lone UTF-16 surrogate (JSON can spell one; it is no character). */
export function isInvalidText(text: string): boolean {
  return hasControlCharacter(text) || !text.isWellFormed();
}

/** The dotted path of the first invalid string (or object key) in a parsed value, or null. */
export function invalidTextPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isInvalidText(value) ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : String(key);
    if (typeof key === "string" && isInvalidText(key)) return path;
    const found = invalidTextPath(item, itemPath);
    if (found !== null) return found;
  }
  return null;
}

export const invalidTextIssue = (path: string): FieldIssue => ({ path, code: "invalid_text", messageId: "http.invalidText" });

/** The route schema's text rules (one line unless marked multi-line, names without invisible controls) on the query and body. */
function schemaTextIssue(request: FastifyRequest): FieldIssue | null {
  const schema = request.routeOptions.schema as Record<string, unknown> | undefined;
  for (const [part, value] of [
    ["querystring", request.query],
    ["body", request.body],
  ] as const) {
    const partSchema = schema?.[part];
    const issue = partSchema instanceof z.ZodType ? textIssue(partSchema, value) : null;
    if (issue) return issue;
  }
  return null;
}

/** A multipart body needs a boundary to be read at all; without one, the parser throws. */
function lacksBoundary(contentType: string | undefined): boolean {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return false;
  const boundary = contentType.match(/;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i);
  return !(boundary?.[1] ?? boundary?.[2]);
}

/**
 * The one check of invalid text, for every route, API and pages alike: the path and query before
 * anything else runs (before the session is even looked up), parsed JSON bodies before their
 * schema. Form posts to pages are read by React Router, not Fastify; web.ts checks those with
 * `invalidTextPath` on the form.
 */
export function registerInputChecks(app: FastifyInstance, pages: Pages) {
  const refuse = (request: FastifyRequest, reply: FastifyReply, path: string) =>
    sendError(request, reply, 400, "validation_failed", [invalidTextIssue(path)], {}, pages);

  app.addHook("onRequest", async (request, reply) => {
    if (lacksBoundary(request.headers["content-type"])) return sendError(request, reply, 400, "bad_request", [], {}, pages);
    const params = invalidTextPath(request.params);
    if (params !== null) return refuse(request, reply, params === "*" ? "path" : params);
    const query = invalidTextPath(request.query);
    if (query !== null) return refuse(request, reply, query);
  });

  app.addHook("preValidation", async (request, reply) => {
    const body = invalidTextPath(request.body);
    if (body !== null) return refuse(request, reply, body);
    const issue = schemaTextIssue(request);
    if (issue) return sendError(request, reply, 400, "validation_failed", [issue], {}, pages);
  });
}
