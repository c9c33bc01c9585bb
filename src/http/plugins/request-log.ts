import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * One short line per request (`GET /en/courses 200 12 ms`, with method, path, status, ms and the
 * request id as fields) instead of Fastify's two long ones. Pages and API calls at info; static
 * files and health checks at debug, since a page view would otherwise be a dozen lines. Every
 * answer carries its request id (`x-request-id`), so a person reporting an error can name the
 * lines the server wrote about it; errors are logged with the same id (plugins/errors.ts).
 */
const quiet = /^\/(?:assets\/|favicon|robots\.txt|healthz$|readyz$|manifest|apple-touch|fonts\/)/;

/**
 * Secrets travel in some addresses (a calendar feed's file name, a password reset link): a long
 * segment of mixed-case letters, digits, `_` and `-` is shown as "…". Slugs and ids are lower case.
 */
const secretSegment = /^(?=[A-Za-z0-9_-]{20,}(?:\.ics)?$)(?=.*[A-Z_])[^/]+$/;

export function loggedPath(url: string): string {
  const path = url.split("?")[0] ?? "/";
  return path
    .split("/")
    .map((segment) => (secretSegment.test(segment) ? "…" : segment))
    .join("/");
}

export const isQuietPath = (path: string) => quiet.test(path);

export function registerRequestLog(app: FastifyInstance) {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request: FastifyRequest, reply) => {
    const path = loggedPath(request.url);
    const status = reply.statusCode;
    const ms = Math.round(reply.elapsedTime);
    const line = { method: request.method, path, status, ms };
    const message = `${request.method} ${path} ${status} ${ms} ms`;
    if (status >= 500) request.log.error(line, message);
    else if (isQuietPath(path)) request.log.debug(line, message);
    else request.log.info(line, message);
  });
}
