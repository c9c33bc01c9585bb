/**
 * An API fuzz test generated from the OpenAPI document: every operation is called with bad
 * parameters, bad bodies (wrong shapes, NUL and control characters, huge strings), bodies of
 * the wrong content type and invalid JSON, as an anonymous caller and as an unrelated learner.
 * Whatever it sends, the API must answer without a 5xx, with a status the operation documents,
 * and every error in the one error shape. A new route is covered without writing anything.
 */
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; enum?: unknown[]; anyOf?: Schema[] };
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
};
type Request = { label: string; url: string; payload?: string; contentType?: string };

let runtime: TestRuntime;
let app: FastifyInstance;
let learner: Record<string, string>;
let operations: { method: string; path: string; operation: Operation }[] = [];

const huge = "x".repeat(20_000);
const nul = "a\u0000b";
const control = "line\r\nX-Injected: 1\u0007";

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  const { email, password } = await createUser(runtime.services);
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "fuzz" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "fuzz" });
  learner = { authorization: `Bearer ${token}` };
  const document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  // The CASE endpoints (/ims/case) answer in their standard's error shape: tests/api/competencies.int.test.ts.
  operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/api/"))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
});

afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

/** The path with each parameter filled with `value`, percent-encoded. */
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

/** A body whose every declared property holds `value` (or the value itself when the body is not an object). */
function bodyWith(schema: Schema | undefined, value: unknown): unknown {
  const properties = schema?.properties ?? schema?.anyOf?.find((s) => s.properties)?.properties;
  if (!properties) return value;
  return Object.fromEntries(Object.keys(properties).map((key) => [key, value]));
}

/** The requests one operation gets: each breaks one thing. */
function requestsFor(path: string, operation: Operation): Request[] {
  const id = crypto.randomUUID();
  const url = fill(path, id);
  const query = (operation.parameters ?? []).filter((p) => p.in === "query" && p.name !== "lang");
  const requests: Request[] = [
    { label: "a path parameter with NUL", url: fill(path, nul) },
    { label: "a huge path parameter", url: fill(path, huge.slice(0, 3000)) },
    { label: "an unknown language", url: `${url}?lang=xx` },
  ];
  if (query.length) {
    requests.push({ label: "query values with NUL", url: `${url}?${query.map((p) => `${p.name}=${encodeURIComponent(nul)}`).join("&")}` });
    requests.push({ label: "huge query values", url: `${url}?${query.map((p) => `${p.name}=${huge.slice(0, 2000)}`).join("&")}` });
  }
  const json = operation.requestBody?.content["application/json"];
  if (json) {
    const schema = json.schema;
    for (const [label, body] of [
      ["an empty object", {}],
      ["an array", []],
      ["null", null],
      ["every field NUL", bodyWith(schema, nul)],
      ["every field a line break and a bell", bodyWith(schema, control)],
      ["every field huge", bodyWith(schema, huge)],
      ["every field a number", bodyWith(schema, -1e308)],
      ["every field an object", bodyWith(schema, { nested: [nul] })],
    ] as const) {
      requests.push({ label: `body: ${label}`, url, payload: JSON.stringify(body), contentType: "application/json" });
    }
    requests.push({ label: "invalid JSON", url, payload: '{"a": ', contentType: "application/json" });
  }
  if (operation.requestBody) {
    requests.push({ label: "text/plain body", url, payload: "hello", contentType: "text/plain" });
    requests.push({ label: "XML body", url, payload: "<a/>", contentType: "application/xml" });
    requests.push({ label: "multipart without a boundary", url, payload: "--x\r\n", contentType: "multipart/form-data" });
  }
  return requests;
}

describe("the OpenAPI document's contract", () => {
  test("every operation documents its error answers in the error shape; files and empty answers as they are sent", () => {
    for (const { method, path, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses, `${method} ${path}`).toContain("400");
      expect(statuses, `${method} ${path}`).toContain("503");
      if (method !== "GET")
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(["401", "403", "409", "413", "415", "429"]));
      const error = operation.responses["400"] as { content: Record<string, { schema: { required: string[] } }> };
      expect(error.content["application/json"]?.schema.required).toEqual(["error"]);
    }
    const find = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path)!.operation;
    // Registering takes no body at all; creating an event cannot do without one.
    expect(find("POST", "/api/v1/events/{id}/registration").requestBody?.required).toBe(false);
    expect(find("POST", "/api/v1/events").requestBody?.required).toBe(true);
    expect(Object.keys(find("DELETE", "/api/v1/courses/{id}/cover").responses)).toContain("204");
    expect(Object.keys(find("DELETE", "/api/v1/courses/{id}/cover").responses)).not.toContain("200");
    for (const path of ["/api/v1/events/{id}/report", "/api/v1/cohorts/{id}/report", "/api/v1/organisations/{id}/report"]) {
      const ok = find("GET", path).responses["200"] as { content: Record<string, unknown> };
      expect(Object.keys(ok.content), path).toEqual([
        "application/json",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ]);
    }
  });
});

describe("API fuzz from the OpenAPI document", () => {
  test("every operation x bad input, anonymous and as an unrelated learner: no 5xx, documented statuses, the error shape", {
    timeout: 600_000,
  }, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const problems: string[] = [];
    let sent = 0;
    for (const { method, path, operation } of operations) {
      const documented = new Set(Object.keys(operation.responses));
      for (const request of requestsFor(path, operation)) {
        for (const [who, headers] of [
          ["anonymous", {}],
          ["learner", learner],
        ] as const) {
          const response = await app.inject({
            method: method as "GET",
            url: request.url,
            headers: { ...headers, ...(request.contentType ? { "content-type": request.contentType } : {}) },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          sent++;
          const where = `${method} ${path} (${request.label}, ${who}) → ${response.statusCode}`;
          if (response.statusCode >= 500) problems.push(`${where}: ${response.body.slice(0, 200)}`);
          else if (!documented.has(String(response.statusCode))) problems.push(`${where}: not documented`);
          else if (response.statusCode >= 400) {
            const body = response.headers["content-type"]?.toString().startsWith("application/json") ? response.json() : null;
            if (typeof body?.error?.code !== "string" || typeof body?.error?.message !== "string") {
              problems.push(`${where}: not in the error shape: ${response.body.slice(0, 120)}`);
            }
          }
        }
      }
    }
    console.log(`API fuzz: ${sent} requests over ${operations.length} operations`);
    expect(problems).toEqual([]);
  });
});
