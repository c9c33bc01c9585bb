/**
 * Input the API must refuse with a 4xx in its error shape, never a 500: invalid text (NUL, other
 * control characters, lone surrogates) anywhere in a request, broken multipart bodies, and URLs
 * Fastify's router cannot read. The text rule is proven on every operation of the OpenAPI document.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import errorsFr from "../../src/i18n/messages/errors/fr.ts";
import { createUser } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let learner: { authorization: string };

type Parameter = { in: "path" | "query" | "header" | "cookie"; name: string };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: { type?: string; properties?: Record<string, unknown> } }> };
};
type Document = { paths: Record<string, Record<string, Operation>> };

let operations: { method: string; path: string; operation: Operation }[] = [];

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  const document = (await app.inject({ url: "/api/openapi.json" })).json() as Document;
  // The CASE endpoints (/ims/case) answer in their standard's error shape: tests/api/competencies.int.test.ts.
  operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/api/"))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  const { email, password } = await createUser(runtime.services);
  const issued = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", payload: { email, password, name: "input tests" } });
  learner = { authorization: `Bearer ${issued.json().token}` };
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

const someId = "00000000-0000-4000-8000-000000000000";

/** The operation's path with every parameter filled in, `target` with `value` (already URL-encoded). */
function urlOf(path: string, target?: string, value?: string): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === target ? (value ?? "") : name === "file" ? "x.ics" : someId));
}

/** What a refusal of invalid text looks like: a 400 naming the field, in the reader's language. */
function expectInvalidText(response: { statusCode: number; json(): unknown; body: string }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  const { error } = response.json() as { error: { code: string; fields?: { path: string; code: string; message: string }[] } };
  expect(error.code).toBe("validation_failed");
  expect(error.fields).toContainEqual(expect.objectContaining({ path: field, code: "invalid_text" }));
}

describe("invalid text is a translated 400 on every operation", () => {
  test("a NUL in any path parameter", async () => {
    let checked = 0;
    for (const { method, path, operation } of operations) {
      for (const parameter of operation.parameters?.filter((p) => p.in === "path") ?? []) {
        const response = await app.inject({ method: method as "GET", url: urlOf(path, parameter.name, "a%00b") });
        expectInvalidText(response, parameter.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test("a NUL in any query parameter, signed in or not", async () => {
    let checked = 0;
    for (const { method, path, operation } of operations) {
      for (const parameter of operation.parameters?.filter((p) => p.in === "query") ?? []) {
        const url = `${urlOf(path)}?${parameter.name}=a%00b`;
        expectInvalidText(await app.inject({ method: method as "GET", url }), parameter.name);
        expectInvalidText(await app.inject({ method: method as "GET", url, headers: learner }), parameter.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test("a NUL in any string field of a JSON body, signed in or not", async () => {
    let checked = 0;
    for (const { method, path, operation } of operations) {
      const schema = operation.requestBody?.content["application/json"]?.schema;
      for (const field of Object.keys(schema?.properties ?? {})) {
        const payload = { [field]: "a\u0000b" };
        expectInvalidText(await app.inject({ method: method as "POST", url: urlOf(path), payload }), field);
        expectInvalidText(await app.inject({ method: method as "POST", url: urlOf(path), payload, headers: learner }), field);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test.each([
    ["a lone high surrogate", "\ud800x"],
    ["a lone low surrogate", "x\udc00"],
    ["a bell", "ring\u0007"],
    ["an escape", "\u001b[31mred"],
    ["a vertical tab", "a\u000bb"],
  ])("%s in a nested field, with its path", async (_name, text) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { name: "Ok", email: "x@orbis.test", password: "long enough password", extra: { list: ["fine", text] } },
    });
    expectInvalidText(response, "extra.list.1");
  });

  test("tabs, line breaks and every other character pass through to the field's own rules", async () => {
    // A password may hold a tab; a name is one line (tests/api/hardening-text.int.test.ts).
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { name: "Emoji 😀 ok", email: "not an address", password: "long enough\tpassword" },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(["email"]);
  });

  test("the answer is in the reader's language, and the search that used to fail with a 500 is refused", async () => {
    const response = await app.inject({ url: "/api/v1/courses?q=a%00b", headers: { "accept-language": "fr" } });
    expectInvalidText(response, "q");
    expect(response.json().error.message).toBe(errorsFr["error.validation_failed"]);
    expect(response.json().error.fields[0].message).not.toMatch(/invalid_text|http\./);
    // Refused before any route, still with the security headers every answer has.
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  test("an invalid key is refused too", async () => {
    const response = await app.inject({ method: "PATCH", url: "/api/v1/me", headers: learner, payload: { "na\u0000me": "x" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].code).toBe("invalid_text");
  });
});

describe("broken multipart bodies are a 4xx in the error shape", () => {
  const uploads = () =>
    operations.filter(({ operation }) => operation.requestBody?.content["multipart/form-data"]).map(({ method, path }) => [method, path]);

  test("there are upload routes to check", () => {
    expect(uploads().length).toBeGreaterThanOrEqual(4);
  });

  test("a multipart body without a boundary, on every upload route", async () => {
    for (const [method, path] of uploads()) {
      for (const contentType of ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; charset=utf-8"]) {
        const response = await app.inject({
          method: method as "POST",
          url: `${urlOf(path ?? "")}?role=download`,
          headers: { ...learner, "content-type": contentType },
          payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--x--\r\n',
        });
        expect(response.statusCode, `${method} ${path} ${contentType}: ${response.body}`).toBe(400);
        expect(response.json().error.code).toBe("bad_request");
      }
    }
  });

  test("a multipart body cut short, on every upload route", async () => {
    for (const [method, path] of uploads()) {
      for (const payload of [
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nname,email\r\nA,a@b.c',
        '--x\r\nContent-Disposition: form-data; name="file"; filen',
        "--x\r\n",
      ]) {
        const response = await app.inject({
          method: method as "POST",
          url: `${urlOf(path ?? "")}?role=download`,
          headers: { ...learner, "content-type": "multipart/form-data; boundary=x" },
          payload,
        });
        expect(response.statusCode, `${method} ${path}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${method} ${path}: ${response.body}`).toBeLessThan(500);
        expect(response.json().error.code).toEqual(expect.any(String));
      }
    }
  });
});

describe("URLs the router cannot read", () => {
  test.each(["/api/v1/courses/%E0%A4%A", "/api/v1/courses/%", "/api/v1/courses/abc%zz/lessons/00000000-0000-4000-8000-000000000000"])(
    "%s is a 400 in the error shape",
    async (url) => {
      const response = await app.inject({ url, headers: { "accept-language": "fr" } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: "bad_request", message: errorsFr["error.bad_request"] } });
    },
  );

  test("a parameter longer than the router takes is a 414 in the error shape", async () => {
    const response = await app.inject({ url: `/api/v1/courses/${"a".repeat(500)}` });
    expect(response.statusCode).toBe(414);
    expect(response.json().error.code).toBe("uri_too_long");
  });
});
