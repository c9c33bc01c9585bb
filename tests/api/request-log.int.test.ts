/**
 * Request logs (issue 11, point 10): one short line per request at info with method, path, status,
 * milliseconds and the request id; static files and health checks at debug; a server error's line
 * at error with the same id as the answer's `x-request-id`; secrets in addresses not written.
 */
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { loggedPath } from "../../src/http/plugins/request-log.ts";
import { createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  runtime = await createTestRuntime();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/orbis-test-unused", PUBLIC_URL: "http://orbis.test" });
  app = await buildApp({ config, services: runtime.services, database: runtime.database, logger: { level: "debug", stream } });
  app.get("/api/v1/test-crash", async () => {
    throw new Error("boom");
  });
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

const linesOf = (id: string) => lines.filter((line) => line.reqId === id);

describe("one line per request", () => {
  test("an API call: one info line with method, path without the query, status, ms and the answer's request id", async () => {
    const response = await app.inject({ url: "/api/v1/courses?q=secret-search" });
    const id = String(response.headers["x-request-id"]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [line, ...more] = linesOf(id);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      method: "GET",
      path: "/api/v1/courses",
      status: 200,
      msg: expect.stringMatching(/^GET \/api\/v1\/courses 200 \d+ ms$/),
    });
    expect(typeof line?.ms).toBe("number");
    expect(JSON.stringify(line)).not.toContain("secret-search");
  });

  test("health checks at debug", async () => {
    const response = await app.inject({ url: "/healthz" });
    expect(linesOf(String(response.headers["x-request-id"]))).toEqual([expect.objectContaining({ level: 20, path: "/healthz" })]);
  });

  test("a server error: the error and the request line at error level, both with the answer's request id", async () => {
    const response = await app.inject({ url: "/api/v1/test-crash" });
    expect(response.statusCode).toBe(500);
    const own = linesOf(String(response.headers["x-request-id"]));
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((line) => line.level === 50)).toBe(true);
    expect(own.at(-1)).toMatchObject({ status: 500, path: "/api/v1/test-crash" });
  });

  test("secrets in addresses are not written", () => {
    expect(loggedPath("/calendar/Zk3_8sQw9vLm2xYpA1bC4dE5.ics")).toBe("/calendar/…");
    expect(loggedPath("/en/reset-password/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg")).toBe("/en/reset-password/…");
    expect(loggedPath("/en/courses/a-very-long-course-slug-in-lower-case-2026")).toBe(
      "/en/courses/a-very-long-course-slug-in-lower-case-2026",
    );
    expect(loggedPath("/api/v1/events/0f8fad5b-d9cb-469f-a165-70867728950e")).toBe("/api/v1/events/0f8fad5b-d9cb-469f-a165-70867728950e");
  });
});
