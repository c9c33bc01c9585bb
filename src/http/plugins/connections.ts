import type { ServerOptions } from "node:http";
import { Socket } from "node:net";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.ts";
import { type Pages, sendError } from "./errors.ts";

type Timeouts = Config["timeouts"];

/**
 * Node's own limits, for a server that may face the open network: the request line and headers
 * must arrive within `headersMs` (Node checks every `connectionsCheckingInterval`, 30 s by
 * default, so it is made a fraction of that), a connection with no traffic either way for
 * `idleMs` is closed, and so is an idle keep-alive connection after `keepAliveMs`. Bodies are
 * watched by `registerConnectionLimits`: Node's `requestTimeout` would also cut off a large
 * upload on a slow but steady line.
 */
export function serverOptions(timeouts: Timeouts): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  http: ServerOptions;
} {
  return {
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: 0,
    http: {
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: Math.min(5000, Math.max(250, Math.floor(timeouts.headersMs / 4))),
    },
  };
}

/**
 * After answering a request whose body was not read to the end, the rest is read and dropped for
 * at most this long, so a client still sending can finish and read the answer (a browser shows a
 * reset connection instead of the answer otherwise); then the connection is closed regardless.
 */
const DRAIN_MS = 30_000;

/** Ends a request whose body stopped arriving: a 408 if nothing was answered yet, then the connection. */
function cutOff(request: FastifyRequest, reply: FastifyReply, pages: Pages) {
  const socket = request.raw.socket;
  if (reply.sent || reply.raw.headersSent) {
    socket.destroy();
    return;
  }
  reply.raw.once("finish", () => socket.destroy());
  reply.header("connection", "close");
  void sendError(request, reply, 408, "request_timeout", [], {}, pages);
}

/**
 * A body must keep arriving at `bodyMinRate` bytes a second, counted over each `bodyWindowMs`:
 * a client dripping a byte now and then is cut off, a large upload on a slow line is not. Time the
 * server itself spends before reading on (data waiting unread in the stream) is not held against
 * the client.
 */
function watchBody(request: FastifyRequest, reply: FastifyReply, timeouts: Timeouts, pages: Pages) {
  const raw = request.raw;
  const socket = raw.socket;
  const minimum = (timeouts.bodyMinRate * timeouts.bodyWindowMs) / 1000;
  let seen = socket.bytesRead;
  const timer = setInterval(() => {
    if (raw.complete || socket.destroyed) return clearInterval(timer);
    const arrived = socket.bytesRead - seen;
    seen = socket.bytesRead;
    if (raw.readableLength > 0 || arrived >= minimum) return;
    clearInterval(timer);
    cutOff(request, reply, pages);
  }, timeouts.bodyWindowMs);
  timer.unref();
  raw.once("close", () => clearInterval(timer));
}

/**
 * Bodies on the open network: each is watched while it arrives, and a request answered before
 * its body was read to the end (a 413 half way through an upload, a 401 before it) is answered
 * with `Connection: close`, its rest drained within limits. Left as it was, the connection
 * waited for the rest of a body nobody read, until the keep-alive timeout.
 */
export function registerConnectionLimits(app: FastifyInstance, timeouts: Timeouts, pages: Pages) {
  // Only requests on a real connection: `inject` has none.
  const unfinished = (request: FastifyRequest) => request.raw.socket instanceof Socket && !request.raw.complete;
  app.addHook("onRequest", async (request, reply) => {
    if (unfinished(request)) watchBody(request, reply, timeouts, pages);
  });
  app.addHook("onSend", async (request, reply) => {
    if (unfinished(request)) reply.header("connection", "close");
  });
  app.addHook("onResponse", async (request) => {
    const { raw } = request;
    if (!unfinished(request) || raw.socket.destroyed) return;
    // Whatever was reading the body (a multipart parser stopped at a limit) is let go; the rest is dropped as it comes.
    raw.unpipe();
    raw.resume();
    setTimeout(() => raw.socket.destroy(), DRAIN_MS).unref();
  });
}
