/**
 * Who the API believes a request comes from: cookie-authenticated writes only from our own origin,
 * the client address only from proxies we trust, a Secure session cookie behind TLS, and personal
 * answers never cached.
 */
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { createCourse } from "../factories/catalogue.ts";
import { createCentre } from "../factories/network.ts";
import { createUser, testPassword } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let courseId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  const centre = await createCentre(runtime.services, { name: "Hardening Test Centre", country: "KE" });
  courseId = (await createCourse(runtime.services, centre.id)).id;
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
});

const address = () => `hardening-${crypto.randomBytes(5).toString("hex")}@orbis.test`;

/** A browser session as the API starts one (sign-up, then the mailed link): the cookie a browser would send back. */
async function browserSession(on: FastifyInstance = app) {
  const email = address();
  const response = await on.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    payload: { name: "Cookie Person", email, password: testPassword },
  });
  expect(response.statusCode, response.body).toBe(202);
  await runtime.deliverMail();
  const token = runtime.mailer.sent.find((mail) => mail.to === email)?.text.match(/verify-email\/([\w-]+)/)?.[1];
  const verified = await on.inject({ method: "POST", url: "/api/v1/auth/email-verification", payload: { token } });
  expect(verified.statusCode, verified.body).toBe(200);
  return { cookie: String(verified.headers["set-cookie"]).split(";")[0] ?? "", setCookie: String(verified.headers["set-cookie"]) };
}

async function enrolment(cookie: string) {
  const response = await app.inject({ url: `/api/v1/courses/${courseId}/enrolment`, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function calendarUrl(cookie: string) {
  return (await app.inject({ url: "/api/v1/me/calendar", headers: { cookie } })).json().url;
}

describe("cookie-authenticated API writes come from our own site only", () => {
  const refused = (response: { statusCode: number; json(): { error: { code: string } } }) => {
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("cross_site_request");
  };

  test("an enrolment posted by another site is refused and changes nothing", async () => {
    const { cookie } = await browserSession();
    refused(
      await app.inject({
        method: "POST",
        url: `/api/v1/courses/${courseId}/enrolment`,
        headers: { cookie, origin: "https://evil.example" },
      }),
    );
    refused(
      await app.inject({
        method: "POST",
        url: `/api/v1/courses/${courseId}/enrolment`,
        headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
        payload: "{}",
      }),
    );
    expect(await enrolment(cookie)).toBeNull();
  });

  test("spelling the path with percent-escapes (/%61pi/…, which the router reads as /api/…) does not get around it", async () => {
    const { cookie } = await browserSession();
    for (const url of [`/%61pi/v1/courses/${courseId}/enrolment`, `/api/v1/courses/${courseId}/%65nrolment`]) {
      refused(await app.inject({ method: "POST", url, headers: { cookie, origin: "https://evil.example" } }));
    }
    expect(await enrolment(cookie)).toBeNull();
    const answer = await app.inject({ url: "/%61pi/v1/me", headers: { cookie } });
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["content-type"]).toContain("application/json");
  });

  test("without an Origin, a body-less or text/plain write is refused (a cross-site form or beacon looks like that)", async () => {
    const { cookie } = await browserSession();
    const before = await calendarUrl(cookie);
    refused(await app.inject({ method: "POST", url: "/api/v1/me/calendar/token", headers: { cookie } }));
    refused(
      await app.inject({
        method: "POST",
        url: "/api/v1/me/calendar/token",
        headers: { cookie, "content-type": "text/plain;charset=UTF-8" },
        payload: "x",
      }),
    );
    refused(await app.inject({ method: "DELETE", url: `/api/v1/courses/${courseId}/enrolment`, headers: { cookie } }));
    expect(await calendarUrl(cookie)).toBe(before);
  });

  test.each([
    ["Origin: null", { origin: "null" }],
    ["a non-URL Origin", { origin: "not a url" }],
    ["a look-alike host", { origin: "http://orbis.test.evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site", origin: "http://orbis.test" }],
  ])("%s is refused", async (_name, headers) => {
    const { cookie } = await browserSession();
    refused(await app.inject({ method: "POST", url: `/api/v1/courses/${courseId}/enrolment`, headers: { cookie, ...headers } }));
    expect(await enrolment(cookie)).toBeNull();
  });

  test("uploads with Origin: null or a non-URL Origin are this 403 on every upload route, not a 500", async () => {
    const { cookie } = await browserSession();
    const document = (await app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const uploads = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody?.content["multipart/form-data"])
        .map(([method]) => [method.toUpperCase(), path.replace(/\{(\w+)\}/g, "00000000-0000-4000-8000-000000000000")] as const),
    );
    expect(uploads.length).toBeGreaterThanOrEqual(4);
    for (const [method, url] of uploads) {
      for (const origin of ["null", "not a url", "https://evil.example"]) {
        const response = await app.inject({
          method,
          url: `${url}?role=download`,
          headers: { cookie, origin, "content-type": "multipart/form-data; boundary=x" },
          payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--x--\r\n',
        });
        expect(response.statusCode, `${method} ${url} with Origin ${origin}`).toBe(403);
        expect(response.json().error.code).toBe("cross_site_request");
      }
    }
  });

  test("our own origin (PUBLIC_URL, or the Host the request was sent to) may write", async () => {
    const first = await browserSession();
    const ours = await app.inject({
      method: "POST",
      url: `/api/v1/courses/${courseId}/enrolment`,
      headers: { cookie: first.cookie, origin: "http://orbis.test", "sec-fetch-site": "same-origin" },
    });
    expect(ours.statusCode, ours.body).toBe(201);
    const second = await browserSession();
    const byHost = await app.inject({
      method: "POST",
      url: `/api/v1/courses/${courseId}/enrolment`,
      headers: { cookie: second.cookie, origin: "https://orbis.internal:8443", host: "orbis.internal:8443" },
    });
    expect(byHost.statusCode, byHost.body).toBe(201);
  });

  test("a JSON write without an Origin passes: no other site can send one without a CORS preflight we never answer", async () => {
    const { cookie } = await browserSession();
    const response = await app.inject({ method: "PATCH", url: "/api/v1/me", headers: { cookie }, payload: { name: "Renamed" } });
    expect(response.statusCode, response.body).toBe(200);
  });

  test("a Bearer token is not sent by browsers on their own, so its requests are exempt", async () => {
    const { email, password } = await createUser(runtime.services);
    const token = (await app.inject({ method: "POST", url: "/api/v1/auth/tokens", payload: { email, password, name: "t" } })).json().token;
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/courses/${courseId}/enrolment`,
      headers: { authorization: `Bearer ${token}`, origin: "https://evil.example" },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  test("reads are not affected", async () => {
    const { cookie } = await browserSession();
    const response = await app.inject({ url: "/api/v1/me", headers: { cookie, origin: "https://evil.example" } });
    expect(response.statusCode).toBe(200);
  });
});

describe("the client address behind a proxy", () => {
  async function appTrusting(trustProxy: string) {
    return buildApp({
      config: loadConfig({
        NODE_ENV: "test",
        DATA_DIR: "/tmp/orbis-test-unused",
        PUBLIC_URL: "http://orbis.test",
        TRUST_PROXY: trustProxy,
      }),
      services: runtime.services,
      database: runtime.database,
    });
  }

  let clients = 0;

  /** Failed sign-ins, each for a new address, from one client that writes a new X-Forwarded-For each time. */
  async function rotatingTries(on: FastifyInstance, client: string) {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const response = await on.inject({
        method: "POST",
        url: "/api/v1/auth/tokens",
        headers: { "x-forwarded-for": `10.${attempt}.0.1, ${client}` },
        payload: { email: address(), password: "wrong password", name: "guess" },
      });
      if (response.statusCode === 429) return attempt;
      expect(response.statusCode).toBe(401);
    }
    return Number.POSITIVE_INFINITY;
  }

  test("a request that does not come from a trusted proxy: its X-Forwarded-For is not believed at all", async () => {
    // The test requests come from 127.0.0.1, which is not the proxy named here.
    const proxied = await appTrusting("10.9.9.9");
    try {
      const tries = await rotatingTries(proxied, `198.51.100.${++clients}`);
      expect(tries).toBeLessThanOrEqual(31);
    } finally {
      await proxied.close();
    }
  });

  test.each(["true", "1", "127.0.0.1", "loopback"])(
    "TRUST_PROXY=%s: a client-written X-Forwarded-For does not give a new rate-limit key",
    async (trustProxy) => {
      const proxied = await appTrusting(trustProxy);
      try {
        // The address our proxy saw (the right-most entry) is the key, whatever the client wrote before it:
        // refused once that one address has used up its tries.
        const tries = await rotatingTries(proxied, `198.51.100.${++clients}`);
        expect(tries).toBeGreaterThan(20);
        expect(tries).toBeLessThanOrEqual(31);
      } finally {
        await proxied.close();
      }
    },
  );
});

describe("the session cookie", () => {
  test("is Secure when PUBLIC_URL is https, whatever protocol the request arrived by", async () => {
    const behindTls = await buildApp({
      config: loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/orbis-test-unused", PUBLIC_URL: "https://orbis.example" }),
      services: runtime.services,
      database: runtime.database,
    });
    try {
      const signUp = await browserSession(behindTls);
      expect(signUp.setCookie).toMatch(/^orbis_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000; Secure$/);

      const { email } = await createUser(runtime.services);
      const before = runtime.mailer.sent.length;
      await behindTls.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email } });
      await runtime.deliverMail();
      const token = runtime.mailer.sent
        .slice(before)
        .find((mail) => mail.to === email)
        ?.text.match(/reset-password\/([\w-]+)/)?.[1];
      const reset = await behindTls.inject({
        method: "POST",
        url: "/api/v1/auth/password-reset/complete",
        payload: { token, password: "a fresh new password" },
      });
      expect(reset.statusCode, reset.body).toBe(204);
      expect(String(reset.headers["set-cookie"])).toMatch(/; Secure$/);
    } finally {
      await behindTls.close();
    }
  });

  test("is not Secure on plain http (a laptop), so the browser keeps it", async () => {
    expect((await browserSession()).setCookie).not.toContain("Secure");
  });
});

describe("caching", () => {
  test("API answers are never stored, anonymous or personal", async () => {
    const { cookie } = await browserSession();
    for (const [url, headers] of [
      ["/api/v1/me", { cookie }],
      ["/api/v1/courses", {}],
      [`/api/v1/courses/${courseId}`, {}],
      ["/api/v1/nope", {}],
    ] as const) {
      const response = await app.inject({ url, headers });
      expect(response.headers["cache-control"], url).toBe("no-store");
    }
  });

  test("a route's own caching is kept (files, calendar feeds)", async () => {
    const { cookie } = await browserSession();
    const feed = new URL(await calendarUrl(cookie));
    const response = await app.inject({ url: feed.pathname });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("private, max-age=300");
  });
});

describe("the API reference", () => {
  test("has a Content-Security-Policy that allows only our own scripts, styles and requests", async () => {
    const response = await app.inject({ url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers["content-security-policy"]);
    const nonce = csp.match(/'nonce-([\w+/=]+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    // Every script of the page carries the nonce; the inline one would not run otherwise.
    const scripts = response.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test("loads no fonts or anything else from other sites", async () => {
    const response = await app.inject({ url: "/api/docs/" });
    expect(response.body).toContain('"withDefaultFonts": false');
    expect(response.body).not.toMatch(/https?:\/\/(?!orbis\.test)/);
  });
});
