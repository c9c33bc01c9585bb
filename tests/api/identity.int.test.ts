import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import errorsFr from "../../src/i18n/messages/errors/fr.ts";
import errorsRu from "../../src/i18n/messages/errors/ru.ts";
import { createCentre } from "../factories/network.ts";
import { createUser, testPassword } from "../factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
});
afterAll(async () => {
  await app.close();
  await runtime.close();
});

const email = () => `api-${crypto.randomBytes(5).toString("hex")}@orbis.test`;

/** A personal token (scope admin: these tests grant roles) for a new account with the given roles, obtained the way a script would. */
async function bearerFor(roles?: RoleGrant[]) {
  const user = await createUser(runtime.services, roles ? { roles } : {});
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/tokens",
    payload: { email: user.email, password: user.password, name: "test", scope: "admin" },
  });
  expect(response.statusCode).toBe(201);
  return { ...user, headers: { authorization: `Bearer ${response.json().token}` } };
}

/** A session cookie header for an existing account, as a browser holds one. */
async function sessionFor(address: string, password: string) {
  const { sessionToken } = await runtime.services.identity.signIn({ email: address, password, clientKey: "" });
  return { cookie: `orbis_session=${sessionToken}`, origin: "http://orbis.test" };
}

/** The newest mail delivered to this address. */
async function mailTo(address: string) {
  await runtime.deliverMail();
  return runtime.mailer.sent.filter((mail) => String(mail.to).toLowerCase() === address.toLowerCase()).at(-1);
}

describe("sign-up", () => {
  test("creates a learner: 202 and no session; the mailed link confirms the address and starts one", async () => {
    const address = email();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { name: "Api Person", email: address, password: testPassword },
      headers: { "accept-language": "es" },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: "accepted" });
    expect(response.headers["set-cookie"]).toBeUndefined();

    const token = (await mailTo(address))?.text.match(/\/es\/verify-email\/([\w-]+)/)?.[1];
    expect(token).toBeTruthy();
    const verified = await app.inject({ method: "POST", url: "/api/v1/auth/email-verification", payload: { token } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ purpose: "sign_up" });
    const cookie = String(verified.headers["set-cookie"]);
    expect(cookie).toMatch(/^orbis_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(me.json()).toMatchObject({
      email: address,
      locale: "es",
      emailVerified: true,
      roles: [{ role: "learner", organisationId: null }],
    });

    const again = await app.inject({ method: "POST", url: "/api/v1/auth/email-verification?lang=fr", payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: "invalid_token", message: errorsFr["error.invalid_token"] });
  });

  test("validation errors come back field by field, in French with ?lang=fr", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up?lang=fr",
      payload: { name: "", email: "nope", password: "short" },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe(errorsFr["error.validation_failed"]);
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["email", "name", "password"]);
    // Zod's own French messages, not the English defaults.
    expect(error.fields.find((f: { path: string }) => f.path === "password").message).toMatch(/trop petit|caractères/i);
  });

  test("unknown fields are refused and nothing is created", async () => {
    const address = email();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { name: "Sneaky", email: address, password: testPassword, roles: [{ role: "platform_admin" }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    const retry = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-up",
      payload: { name: "Honest", email: address, password: testPassword },
    });
    expect(retry.statusCode).toBe(202);
  });

  test("a taken address gets exactly the same answer; its owner is mailed instead", async () => {
    const { email: taken } = await createUser(runtime.services);
    const signUp = (address: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-up?lang=fr",
        payload: { name: "Again", email: address, password: testPassword },
      });
    const known = await signUp(taken.toUpperCase());
    const unknown = await signUp(email());
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(known.headers["set-cookie"]).toBeUndefined();
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    expect((await mailTo(taken))?.text).toMatch(/forgot-password/);
  });
});

describe("tokens and /me", () => {
  test("without credentials /me is a 401; with a Bearer token it is the token's owner", async () => {
    expect((await app.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Bearer orbis_forged" } })).statusCode).toBe(
      401,
    );
    const { headers, email: address } = await bearerFor();
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: address, roles: [{ role: "learner" }] });
  });

  test("wrong credentials are a 401, and repeated failures a 429 with the wait in the message", async () => {
    const { email: address } = await createUser(runtime.services);
    const attempt = () =>
      app.inject({ method: "POST", url: "/api/v1/auth/tokens", payload: { email: address, password: "wrong password!", name: "x" } });
    expect((await attempt()).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await attempt();
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/\d+ minutes?/) });
  });

  test("a guesser elsewhere does not lock the person out: the right password from their own address still works", async () => {
    const { email: address, password } = await createUser(runtime.services);
    const from = (remoteAddress: string, pw: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/tokens", remoteAddress, payload: { email: address, password: pw, name: "x" } });
    for (let i = 0; i < 5; i++) expect((await from("203.0.113.50", "wrong password!")).statusCode).toBe(401);
    expect((await from("203.0.113.50", password)).statusCode).toBe(429);
    expect((await from("192.0.2.60", password)).statusCode).toBe(201);
  });

  test("sign-ups from one client are limited; the 429 is translated", async () => {
    const signUp = () =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-up?lang=ru",
        remoteAddress: "198.51.100.77",
        payload: { name: "Bulk", email: email(), password: testPassword },
      });
    for (let i = 0; i < 60; i++) expect((await signUp()).statusCode).toBe(202);
    const refused = await signUp();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    expect(refused.json().error.message).toMatch(/[а-я].*\d+/i);
  });

  test("create, list and revoke personal tokens; the secret is shown only once", async () => {
    const { email: address, password } = await bearerFor();
    const headers = await sessionFor(address, password);
    const created = await app.inject({ method: "POST", url: "/api/v1/me/tokens", headers, payload: { name: "backup", expiresInDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^orbis_/);
    expect(created.json()).toMatchObject({
      scope: "write",
      expiresAt: new Date(runtime.clock.now.getTime() + 30 * 86_400_000).toISOString(),
    });

    const list = await app.inject({ method: "GET", url: "/api/v1/me/tokens", headers });
    expect(
      list
        .json()
        .map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual(["backup", "test"]);
    expect(list.body).not.toContain(token);

    expect((await app.inject({ method: "DELETE", url: `/api/v1/me/tokens/${id}`, headers })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await app.inject({ method: "DELETE", url: `/api/v1/me/tokens/${id}`, headers })).statusCode).toBe(404);
    expect((await app.inject({ method: "DELETE", url: "/api/v1/me/tokens/not-a-uuid", headers })).statusCode).toBe(400);
  });

  test("a token cannot make tokens, so a leaked one cannot leave a successor behind when it is revoked", async () => {
    const { headers } = await bearerFor();
    const minted = await app.inject({ method: "POST", url: "/api/v1/me/tokens?lang=ru", headers, payload: { name: "child" } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error).toMatchObject({ code: "token_scope", message: errorsRu["error.token_scope"] });
  });

  test("a read-only token reads and changes nothing; tokens end after 90 days by default, a year at most", async () => {
    const { email: address, password } = await createUser(runtime.services);
    const issued = await app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      payload: { email: address, password, name: "ro", scope: "read" },
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({
      scope: "read",
      expiresAt: new Date(runtime.clock.now.getTime() + 90 * 86_400_000).toISOString(),
    });
    const headers = { authorization: `Bearer ${issued.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).statusCode).toBe(200);
    const write = await app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: { name: "Changed by a reader" } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("token_scope");
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).json().name).not.toBe("Changed by a reader");

    const tooLong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      payload: { email: address, password, name: "forever", expiresInDays: 3650 },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([expect.objectContaining({ path: "expiresInDays" })]);
  });

  test("granting roles and finding accounts needs a token of scope admin, even for the secretariat", async () => {
    const staff = await createUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    const tokenOf = async (scope: string) => {
      const issued = await app.inject({
        method: "POST",
        url: "/api/v1/auth/tokens",
        payload: { email: staff.email, password: staff.password, name: scope, scope },
      });
      return { authorization: `Bearer ${issued.json().token}` };
    };
    const target = await createUser(runtime.services);
    const grant = { role: "translator", organisationId: null };
    const writer = await tokenOf("write");
    expect((await app.inject({ method: "GET", url: "/api/v1/users", headers: writer })).statusCode).toBe(403);
    const refused = await app.inject({ method: "POST", url: `/api/v1/users/${target.user.id}/roles`, headers: writer, payload: grant });
    expect(refused.statusCode).toBe(403);
    const admin = await tokenOf("admin");
    expect((await app.inject({ method: "GET", url: "/api/v1/users", headers: admin })).statusCode).toBe(200);
    const granted = await app.inject({ method: "POST", url: `/api/v1/users/${target.user.id}/roles`, headers: admin, payload: grant });
    expect(granted.statusCode).toBe(200);
  });

  test("PATCH /me changes only what is sent, and refuses unknown fields", async () => {
    const { headers } = await bearerFor();
    const patched = await app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: { locale: "zh" } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ locale: "zh" });
    const sneaky = await app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: { email: "boss@orbis.test" } });
    expect(sneaky.statusCode).toBe(400);
  });

  test("PATCH /me sets and clears the time zone; an unknown zone is a translated 400 that changes nothing", async () => {
    const { headers } = await bearerFor();
    const set = await app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: { timeZone: "Asia/Bishkek" } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ timeZone: "Asia/Bishkek" });

    const refused = await app.inject({
      method: "PATCH",
      url: "/api/v1/me?lang=fr",
      headers,
      payload: { name: "Renamed", timeZone: "Asia/Atlantis" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "timeZone", message: errorsFr["validation.timeZone"] }],
    });
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers });
    expect(me.json()).toMatchObject({ timeZone: "Asia/Bishkek" });
    expect(me.json().name).not.toBe("Renamed");

    const cleared = await app.inject({ method: "PATCH", url: "/api/v1/me", headers, payload: { timeZone: null } });
    expect(cleared.json()).toMatchObject({ timeZone: null });
  });
});

describe("password reset", () => {
  test("request (same answer for unknown addresses), then complete with the mailed token; the account's API tokens stop working", async () => {
    const { email: address, password } = await createUser(runtime.services);
    const issued = await app.inject({ method: "POST", url: "/api/v1/auth/tokens", payload: { email: address, password, name: "script" } });
    const bearer = { authorization: `Bearer ${issued.json().token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
    const unknown = await app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email: email() } });
    expect(unknown.statusCode).toBe(202);
    const before = runtime.mailer.sent.length;
    const known = await app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email: address, locale: "ar" } });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    await runtime.deliverMail();
    const mail = runtime.mailer.sent[before];
    const token = mail?.text.match(/\/ar\/reset-password\/([\w-]+)/)?.[1];
    expect(token).toBeTruthy();

    const done = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset/complete",
      payload: { token, password: "a fresh new password" },
    });
    expect(done.statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(401);
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset/complete?lang=fr",
      payload: { token, password: "a fresh new password" },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: "invalid_token", message: errorsFr["error.invalid_token"] });
  });
});

describe("users and roles", () => {
  test("a learner probing addresses through POST /team/roles hears the same 403 for a known and an unknown one", async () => {
    const centre = await createCentre(runtime.services);
    const learner = await bearerFor();
    const { email: known } = await createUser(runtime.services);
    const answers = [];
    for (const address of [known, email()]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/team/roles",
        headers: learner.headers,
        payload: { email: address, role: "author", organisationId: centre.id },
      });
      answers.push({ status: response.statusCode, body: response.body });
    }
    expect(answers[0]?.status).toBe(403);
    expect(answers[1]).toEqual(answers[0]);
  });

  test("a centre admin cannot grant itself a role (403 own_work); the secretariat can grant it", async () => {
    const centre = await createCentre(runtime.services);
    const admin = await bearerFor([{ role: "centre_admin", organisationId: centre.id }]);
    const own = await app.inject({
      method: "POST",
      url: "/api/v1/team/roles?lang=ar",
      headers: admin.headers,
      payload: { email: admin.email, role: "reviewer", organisationId: centre.id },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("own_work");
    const staff = await bearerFor([{ role: "secretariat", organisationId: null }]);
    const granted = await app.inject({
      method: "POST",
      url: "/api/v1/team/roles",
      headers: staff.headers,
      payload: { email: admin.email, role: "reviewer", organisationId: centre.id },
    });
    expect(granted.statusCode).toBe(200);
  });

  test("a learner may not list users (403); the secretariat may", async () => {
    const learner = await bearerFor();
    expect((await app.inject({ method: "GET", url: "/api/v1/users", headers: learner.headers })).statusCode).toBe(403);
    const staff = await bearerFor([{ role: "secretariat", organisationId: null }]);
    const list = await app.inject({
      method: "GET",
      url: `/api/v1/users?q=${encodeURIComponent(learner.email)}&limit=5`,
      headers: staff.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ email: learner.email }] });
    expect((await app.inject({ method: "GET", url: "/api/v1/users?limit=1000", headers: staff.headers })).statusCode).toBe(400);
  });

  test("a centre admin grants and takes back staff roles in their centre, and nowhere else", async () => {
    const centre = (await createCentre(runtime.services)).id;
    const admin = await bearerFor([{ role: "centre_admin", organisationId: centre }]);
    const { user } = await createUser(runtime.services);
    const url = `/api/v1/users/${user.id}/roles`;

    const granted = await app.inject({
      method: "POST",
      url,
      headers: admin.headers,
      payload: { role: "centre_staff", organisationId: centre },
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toContainEqual({ role: "centre_staff", organisationId: centre });

    const elsewhere = await app.inject({
      method: "POST",
      url,
      headers: admin.headers,
      payload: { role: "centre_staff", organisationId: crypto.randomUUID() },
    });
    expect(elsewhere.statusCode).toBe(403);

    const revoked = await app.inject({
      method: "DELETE",
      url: `${url}?role=centre_staff&organisationId=${centre}`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles).toEqual([{ role: "learner", organisationId: null }]);
  });

  test("a centre admin lists their team and adds a translator by email; an unknown address is a translated 400", async () => {
    const centre = (await createCentre(runtime.services)).id;
    const admin = await bearerFor([{ role: "centre_admin", organisationId: centre }]);
    const translator = await createUser(runtime.services);

    const added = await app.inject({
      method: "POST",
      url: "/api/v1/team/roles",
      headers: admin.headers,
      payload: { email: translator.email, role: "translator", organisationId: centre },
    });
    expect(added.statusCode).toBe(200);
    const team = await app.inject({ method: "GET", url: `/api/v1/team?organisationId=${centre}`, headers: admin.headers });
    expect(team.statusCode).toBe(200);
    expect(team.json().grantableRoles).toContain("translator");
    expect(team.json().items.map((p: { email: string }) => p.email)).toEqual(expect.arrayContaining([admin.email, translator.email]));

    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/team/roles?lang=fr",
      headers: admin.headers,
      payload: { email: email(), role: "translator", organisationId: centre },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: "email" });
    expect(unknown.json().error.fields[0].message).toMatch(/compte/);
    expect((await app.inject({ method: "GET", url: "/api/v1/team", headers: admin.headers })).statusCode).toBe(403);
  });
});

describe("changing the address and sending the link again", () => {
  test("POST /me/email needs a session and the password; the address changes only through the link", async () => {
    const { email: old, password } = await createUser(runtime.services);
    const headers = await sessionFor(old, password);
    const next = email();
    expect(
      (await app.inject({ method: "POST", url: "/api/v1/me/email", payload: { email: next, currentPassword: password } })).statusCode,
    ).toBe(401);
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/me/email?lang=ru",
      headers,
      payload: { email: next, currentPassword: "nope" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["currentPassword"]);

    const asked = await app.inject({
      method: "POST",
      url: "/api/v1/me/email",
      headers,
      payload: { email: next, currentPassword: password },
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ pendingEmail: next });
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).json()).toMatchObject({ email: old, pendingEmail: next });

    const resent = await app.inject({ method: "POST", url: "/api/v1/me/email-verification", headers });
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toEqual({ sentTo: next });
    const token = (await mailTo(next))?.text.match(/verify-email\/([\w-]+)/)?.[1];
    const used = await app.inject({ method: "POST", url: "/api/v1/auth/email-verification", payload: { token } });
    expect(used.json()).toEqual({ purpose: "change" });
    expect(used.headers["set-cookie"]).toBeUndefined();
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).json()).toMatchObject({ email: next, pendingEmail: null });
  });

  test("sending the link again is limited to three in 15 minutes, with a translated 429", async () => {
    const address = email();
    await app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { name: "Waiting", email: address, password: testPassword } });
    const headers = await sessionFor(address, testPassword);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).json()).toMatchObject({ emailVerified: false });
    for (let i = 0; i < 3; i++) {
      const sent = await app.inject({ method: "POST", url: "/api/v1/me/email-verification", headers });
      expect(sent.json()).toEqual({ sentTo: address });
    }
    const refused = await app.inject({ method: "POST", url: "/api/v1/me/email-verification?lang=ru", headers });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/[а-я].*\d+/i);
  });
});

test("PATCH /me saves the profile (affiliation, position, country, languages) and GET /me shows it", async () => {
  const { email: address, password } = await createUser(runtime.services);
  const headers = await sessionFor(address, password);
  const patched = await app.inject({
    method: "PATCH",
    url: "/api/v1/me",
    headers,
    payload: { affiliation: "University of Ghana", position: "Coordinator", country: "GH", languages: ["en", "ak"] },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  expect((await app.inject({ method: "GET", url: "/api/v1/me", headers })).json()).toMatchObject({
    affiliation: "University of Ghana",
    position: "Coordinator",
    country: "GH",
    languages: ["en", "ak"],
  });
  const bad = await app.inject({ method: "PATCH", url: "/api/v1/me?lang=fr", headers, payload: { country: "Ghana" } });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["country"]);
});

test("the OpenAPI document lists the identity routes", async () => {
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  for (const path of [
    "/api/v1/auth/sign-up",
    "/api/v1/auth/tokens",
    "/api/v1/me",
    "/api/v1/me/tokens/{id}",
    "/api/v1/users/{id}/roles",
    "/api/v1/auth/email-verification",
    "/api/v1/me/email",
  ]) {
    expect(doc.paths[path], path).toBeDefined();
  }
  expect(doc.paths["/api/v1/me"].get.tags).toEqual(["identity"]);
});
