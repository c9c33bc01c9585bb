import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCentre, createOrganisation } from "../../../tests/factories/network.ts";
import { createSignedInUser, createUser, testPassword } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import type { DomainError } from "../shared/errors.ts";
import { apiTokens, sessions, users } from "./schema.ts";

let runtime: TestRuntime;
const identity = () => runtime.services.identity;
const uniqueEmail = () => `person-${crypto.randomBytes(5).toString("hex")}@orbis.test`;
const MINUTE = 60_000;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

/** The DomainError a promise rejects with, so tests can check code, status and fields. */

describe("sign-up and sign-in", () => {
  test("signing up creates a learner with an argon2id hash, signed in by the mailed link", async () => {
    const email = uniqueEmail();
    await identity().signUp({ name: " Amina ", email: email.toUpperCase(), password: testPassword, locale: "fr" });
    const [row] = await runtime.database.db.select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({ name: "Amina", email, locale: "fr", emailVerifiedAt: null });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    await runtime.deliverMail();
    const token = runtime.mailer.sent.find((mail) => mail.to === email)?.text.match(/verify-email\/([\w-]+)/)?.[1] as string;
    const { sessionToken } = await identity().verifyEmail({ token });
    const actor = await identity().authenticate({ sessionToken: sessionToken as string });
    expect(actor).toMatchObject({ userId: row?.id, email, locale: "fr", roles: [{ role: "learner", organisationId: null }] });
  });

  test("an email already taken, in any letter case, gets the same answer and makes no second account", async () => {
    const email = uniqueEmail();
    const first = await identity().signUp({ name: "First", email, password: testPassword, locale: "en" });
    const second = await identity().signUp({ name: "Second", email: email.toUpperCase(), password: testPassword, locale: "en" });
    expect(second).toEqual(first);
    expect(await runtime.database.db.select().from(users).where(eq(users.email, email))).toMatchObject([{ name: "First" }]);
  });

  test("too short a password and a bad email are refused with field messages in the reader's language", async () => {
    const error = await failure(identity().signUp({ name: "X", email: "not-an-email", password: "short", locale: "en" }));
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((f) => f.path).sort()).toEqual(["email", "password"]);
    expect(translateError(error, "fr").fields.find((f) => f.path === "password")?.message).toMatch(/10/);
    expect(translateError(error, "fr").fields.find((f) => f.path === "password")?.message).not.toMatch(/too small/i);
  });

  test("sign in, then sign out ends the session", async () => {
    const { email, password, user } = await createUser(runtime.services);
    const { sessionToken, actor } = await identity().signIn({ email: email.toUpperCase(), password, clientKey: "10.0.0.1" });
    expect(actor.userId).toBe(user.id);
    expect(await identity().authenticate({ sessionToken })).not.toBeNull();
    await identity().signOut(sessionToken);
    expect(await identity().authenticate({ sessionToken })).toBeNull();
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    const { email } = await createUser(runtime.services);
    const wrong = await failure(identity().signIn({ email, password: "not the password", clientKey: "10.0.0.2" }));
    const unknown = await failure(identity().signIn({ email: uniqueEmail(), password: "whatever it is", clientKey: "10.0.0.2" }));
    expect(wrong).toMatchObject({ code: "invalid_credentials", status: 401 });
    expect(unknown).toMatchObject({ code: "invalid_credentials", status: 401 });
  });

  test("sign-ups from one client address are limited (60 in 15 minutes); other addresses are not affected", async () => {
    const clientKey = "192.0.2.200";
    const signUp = (key: string) =>
      identity().signUp({ name: "Bulk", email: uniqueEmail(), password: "not-a-real-password", locale: "en" }, key);
    for (let i = 0; i < 60; i++) await signUp(clientKey);
    expect(await failure(signUp(clientKey))).toMatchObject({ code: "rate_limited", status: 429 });
    await expect(signUp("192.0.2.201")).resolves.toBeUndefined();
    runtime.clock.advance(16 * MINUTE);
    await expect(signUp(clientKey)).resolves.toBeUndefined();
  });

  test("sessions expire after 30 days", async () => {
    const { email, password } = await createUser(runtime.services);
    const { sessionToken } = await identity().signIn({ email, password, clientKey: "" });
    runtime.clock.advance(29 * 24 * 60 * MINUTE);
    expect(await identity().authenticate({ sessionToken })).not.toBeNull();
    runtime.clock.advance(2 * 24 * 60 * MINUTE);
    expect(await identity().authenticate({ sessionToken })).toBeNull();
  });
});

describe("sign-in rate limit", () => {
  test("five failures from one client stop that client for the rest of the window; the person's own device still signs in", async () => {
    const { email, password } = await createUser(runtime.services);
    const guesser = "203.0.113.9";
    for (let i = 0; i < 5; i++) {
      expect((await failure(identity().signIn({ email, password: `wrong-${i}-password`, clientKey: guesser }))).code).toBe(
        "invalid_credentials",
      );
    }
    const limited = await failure(identity().signIn({ email, password, clientKey: guesser }));
    expect(limited).toMatchObject({ code: "rate_limited", status: 429 });
    expect(limited.params.minutes).toBeGreaterThanOrEqual(1);
    expect(limited.params.minutes).toBeLessThanOrEqual(15);
    // Not locked out: the right password from the person's own address works at once.
    await expect(identity().signIn({ email, password, clientKey: "172.16.1.1" })).resolves.toMatchObject({ actor: { email } });

    runtime.clock.advance(16 * MINUTE);
    await expect(identity().signIn({ email, password, clientKey: guesser })).resolves.toMatchObject({ actor: { email } });
  });

  test("guesses spread over many addresses: after 20 on one account, each address that failed is stopped, a fresh one still signs in", async () => {
    const { email, password } = await createUser(runtime.services);
    for (let i = 0; i < 20; i++) await failure(identity().signIn({ email, password: "guess-guess-guess", clientKey: `198.51.100.${i}` }));
    // An address that has already failed gets no further try, even with the right password.
    expect((await failure(identity().signIn({ email, password, clientKey: "198.51.100.3" }))).code).toBe("rate_limited");
    // A new address gets one: a wrong guess then stops it too.
    expect((await failure(identity().signIn({ email, password: "guess-again-guess", clientKey: "198.51.100.200" }))).code).toBe(
      "invalid_credentials",
    );
    expect((await failure(identity().signIn({ email, password: "guess-third-guess", clientKey: "198.51.100.200" }))).code).toBe(
      "rate_limited",
    );
    // The person, from a device that has not failed, signs in.
    await expect(identity().signIn({ email, password, clientKey: "192.0.2.10" })).resolves.toMatchObject({ actor: { email } });
  });

  test("one client address guessing across many accounts is stopped too", async () => {
    const clientKey = "192.0.2.77";
    let limited: DomainError | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const error = await failure(identity().signIn({ email: uniqueEmail(), password: "guess-guess-guess", clientKey }));
      if (error.code === "rate_limited") limited = error;
    }
    expect(limited?.status).toBe(429);
    // Someone else, elsewhere, is not affected.
    const { email, password } = await createUser(runtime.services);
    await expect(identity().signIn({ email, password, clientKey: "192.0.2.78" })).resolves.toBeTruthy();
  });

  test("a successful sign-in clears the account's failures", async () => {
    const { email, password } = await createUser(runtime.services);
    for (let i = 0; i < 4; i++) await failure(identity().signIn({ email, password: "wrong-password", clientKey: "" }));
    await identity().signIn({ email, password, clientKey: "" });
    for (let i = 0; i < 4; i++) await failure(identity().signIn({ email, password: "wrong-password", clientKey: "" }));
    await expect(identity().signIn({ email, password, clientKey: "" })).resolves.toBeTruthy();
  });
});

describe("password reset", () => {
  const linkIn = (text: string) => text.match(/http:\/\/orbis\.test\/(\w\w)\/reset-password\/([\w-]+)/);

  test("the emailed link sets a new password once, and ends every session and API token", async () => {
    const { email, password, user } = await createUser(runtime.services, { name: "Reset Person" });
    const { sessionToken: oldSession, actor } = await identity().signIn({ email, password, clientKey: "" });
    const { token: apiToken } = await identity().createApiToken(actor, { name: "script" });
    const before = runtime.mailer.sent.length;

    await identity().requestPasswordReset({ email: email.toUpperCase(), locale: "fr" });
    await runtime.deliverMail();
    const mail = runtime.mailer.sent[before];
    expect(mail?.to).toBe(email);
    expect(mail?.subject).toBe("Réinitialisez votre mot de passe Orbis");
    expect(mail?.text).toContain("Reset Person");
    const link = linkIn(mail?.text ?? "");
    expect(link?.[1]).toBe("fr");
    const token = link?.[2] ?? "";

    const { sessionToken } = await identity().resetPassword({ token, password: "a brand new password" });
    expect(await identity().authenticate({ sessionToken })).toMatchObject({ userId: user.id });
    expect(await identity().authenticate({ sessionToken: oldSession })).toBeNull();
    expect(await identity().authenticate({ bearerToken: apiToken })).toBeNull();
    expect(await runtime.database.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toEqual([]);
    expect((await failure(identity().signIn({ email, password, clientKey: "" }))).code).toBe("invalid_credentials");
    await expect(identity().signIn({ email, password: "a brand new password", clientKey: "" })).resolves.toBeTruthy();

    expect(await failure(identity().resetPassword({ token, password: "yet another password" }))).toMatchObject({
      code: "invalid_token",
      status: 400,
    });
    const remaining = await runtime.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(remaining).toHaveLength(2);
  });

  test("a link older than an hour no longer works", async () => {
    const { email } = await createUser(runtime.services);
    const before = runtime.mailer.sent.length;
    await identity().requestPasswordReset({ email, locale: "en" });
    await runtime.deliverMail();
    const token = linkIn(runtime.mailer.sent[before]?.text ?? "")?.[2] ?? "";
    runtime.clock.advance(61 * MINUTE);
    expect((await failure(identity().resetPassword({ token, password: "a brand new password" }))).code).toBe("invalid_token");
  });

  test("at most three reset mails per address in 15 minutes; the answer stays the same", async () => {
    const { email } = await createUser(runtime.services);
    const before = runtime.mailer.sent.length;
    for (let i = 0; i < 6; i++) await expect(identity().requestPasswordReset({ email, locale: "en" })).resolves.toBeUndefined();
    await runtime.deliverMail();
    expect(runtime.mailer.sent.slice(before).filter((mail) => mail.to === email)).toHaveLength(3);
    runtime.clock.advance(16 * MINUTE);
    await identity().requestPasswordReset({ email, locale: "en" });
    await runtime.deliverMail();
    expect(runtime.mailer.sent.slice(before).filter((mail) => mail.to === email)).toHaveLength(4);
  });

  test("an unknown address gets the same quiet answer and no mail", async () => {
    const before = runtime.mailer.sent.length;
    await expect(identity().requestPasswordReset({ email: uniqueEmail(), locale: "en" })).resolves.toBeUndefined();
    await runtime.deliverMail();
    expect(runtime.mailer.sent.length).toBe(before);
  });
});

describe("API tokens", () => {
  test("a token authenticates as its owner until revoked; only its hash is stored", async () => {
    const actor = await createSignedInUser(runtime.services);
    const created = await identity().createApiToken(actor, { name: "laptop script" });
    expect(created.token).toMatch(/^orbis_[\w-]{43}$/);
    expect(await identity().authenticate({ bearerToken: created.token })).toMatchObject({ userId: actor.userId });
    expect(await identity().authenticate({ bearerToken: `${created.token}x` })).toBeNull();

    const listed = await identity().listApiTokens(actor);
    const ninetyDays = new Date(runtime.clock.now.getTime() + 90 * 24 * 60 * MINUTE).toISOString();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "laptop script", expiresAt: ninetyDays, scope: "write" })]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed[0]?.lastUsedAt).not.toBeNull();

    const stored = await runtime.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(crypto.createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    await identity().revokeApiToken(actor, created.id);
    expect(await identity().authenticate({ bearerToken: created.token })).toBeNull();
    expect(await identity().listApiTokens(actor)).toEqual([]);
  });

  test("someone else's token cannot be revoked, and a malformed id is simply not found", async () => {
    const owner = await createSignedInUser(runtime.services);
    const other = await createSignedInUser(runtime.services);
    const { id, token } = await identity().createApiToken(owner, { name: "mine" });
    expect(await failure(identity().revokeApiToken(other, id))).toMatchObject({ code: "not_found", status: 404 });
    expect(await failure(identity().revokeApiToken(other, "not-a-uuid"))).toMatchObject({ code: "not_found" });
    expect(await identity().authenticate({ bearerToken: token })).not.toBeNull();
  });

  test("a token with a lifetime stops working when it ends", async () => {
    const actor = await createSignedInUser(runtime.services);
    const { token, expiresAt } = await identity().createApiToken(actor, { name: "short", expiresInDays: 1 });
    expect(expiresAt).not.toBeNull();
    runtime.clock.advance(25 * 60 * MINUTE);
    expect(await identity().authenticate({ bearerToken: token })).toBeNull();
  });

  test("email and password can be exchanged for a token, under the sign-in limits", async () => {
    const { email, password, user } = await createUser(runtime.services);
    const issued = await identity().issueApiToken({ email, password, clientKey: "", name: "ci" });
    expect(await identity().authenticate({ bearerToken: issued.token })).toMatchObject({ userId: user.id });
    expect((await failure(identity().issueApiToken({ email, password: "wrong-password", clientKey: "", name: "ci" }))).code).toBe(
      "invalid_credentials",
    );
  });

  test("a token cannot make tokens; it lives a year at most", async () => {
    const actor = await createSignedInUser(runtime.services);
    const { token } = await identity().createApiToken(actor, { name: "parent", scope: "admin" });
    const viaToken = await identity().authenticate({ bearerToken: token });
    expect(viaToken).toMatchObject({ userId: actor.userId, tokenScope: "admin" });
    expect(await failure(identity().createApiToken(viaToken, { name: "child" }))).toMatchObject({ code: "token_scope", status: 403 });
    expect(await failure(identity().createApiToken(actor, { name: "forever", expiresInDays: 366 }))).toMatchObject({
      code: "validation_failed",
      fields: [expect.objectContaining({ path: "expiresInDays" })],
    });
  });

  test("only an admin-scoped token reaches role grants and the account list", async () => {
    const staff = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    const { user } = await createUser(runtime.services);
    const viaToken = async (scope: "read" | "write" | "admin") =>
      identity().authenticate({ bearerToken: (await identity().createApiToken(staff, { name: scope, scope })).token });
    const grant = { role: "translator" as const, organisationId: null };
    for (const scope of ["read", "write"] as const) {
      const actor = await viaToken(scope);
      expect((await failure(identity().grantRole(actor, user.id, grant))).code).toBe("forbidden");
      expect((await failure(identity().listUsers(actor, {}))).code).toBe("forbidden");
    }
    await expect(identity().grantRole(await viaToken("admin"), user.id, grant)).resolves.toMatchObject({ id: user.id });
  });

  test("nobody signed in cannot make tokens", async () => {
    expect(await failure(identity().createApiToken(null, { name: "x" }))).toMatchObject({ code: "unauthenticated", status: 401 });
  });
});

describe("profile", () => {
  test("me shows the account with its roles; updateProfile changes name and language", async () => {
    const actor = await createSignedInUser(runtime.services);
    expect(await identity().me(actor)).toMatchObject({ id: actor.userId, roles: [{ role: "learner", organisationId: null }] });
    const updated = await identity().updateProfile(actor, { name: "Новое имя", locale: "ru" });
    expect(updated).toMatchObject({ name: "Новое имя", locale: "ru" });
    expect((await failure(identity().updateProfile(actor, { name: "", locale: "ru" }))).code).toBe("validation_failed");
  });

  test("a time zone is saved under its IANA name, travels with the session, and can be cleared", async () => {
    const actor = await createSignedInUser(runtime.services);
    expect((await identity().me(actor)).timeZone).toBeNull();
    expect(await identity().updateProfile(actor, { timeZone: "asia/bishkek" })).toMatchObject({ timeZone: "Asia/Bishkek" });
    const { sessionToken } = await identity().signIn({ email: actor.email, password: testPassword, clientKey: "" });
    expect((await identity().authenticate({ sessionToken }))?.timeZone).toBe("Asia/Bishkek");
    expect(await identity().updateProfile(actor, { timeZone: null })).toMatchObject({ timeZone: null });
  });

  test("an unknown zone is refused on its field in the reader's language, and nothing else changes", async () => {
    const actor = await createSignedInUser(runtime.services, { name: "Before" });
    await identity().updateProfile(actor, { timeZone: "Africa/Nairobi" });
    for (const timeZone of ["Mars/Olympus", "+06:00", ""]) {
      const error = await failure(identity().updateProfile(actor, { name: "After", locale: "ar", timeZone }));
      expect(error.status).toBe(400);
      expect(translateError(error, "ru").fields).toEqual([
        { path: "timeZone", code: "custom", message: "Выберите часовой пояс из списка, например Asia/Bishkek." },
      ]);
    }
    expect(await identity().me(actor)).toMatchObject({ name: "Before", locale: "en", timeZone: "Africa/Nairobi" });
  });

  test("sign-up may choose a zone", async () => {
    const email = uniqueEmail();
    await identity().signUp({ name: "Aibek", email, password: testPassword, locale: "ru", timeZone: "Asia/Bishkek" });
    expect(await runtime.database.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.email, email))).toEqual([
      { timeZone: "Asia/Bishkek" },
    ]);
  });
});

describe("roles", () => {
  let centreA: string;
  let centreB: string;
  beforeAll(async () => {
    centreA = (await createCentre(runtime.services)).id;
    centreB = (await createCentre(runtime.services)).id;
  });

  test("a role in an organisation that does not exist is refused as bad input", async () => {
    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    const { user } = await createUser(runtime.services);
    const refused = await failure(
      identity().grantRole(secretariat, user.id, { role: "centre_admin", organisationId: crypto.randomUUID() }),
    );
    expect(refused).toMatchObject({ code: "validation_failed", status: 400, fields: [{ path: "organisationId" }] });
    const [unchanged] = (await identity().listUsers(secretariat, { q: user.email })).items;
    expect(unchanged?.roles).toEqual([{ role: "learner", organisationId: null }]);
  });

  test("a role is refused, by name and in the reader's language, in an organisation of the wrong kind", async () => {
    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    const university = (await createOrganisation(runtime.services)).id;
    const { user } = await createUser(runtime.services);
    const centreRoleAtUniversity = await failure(
      identity().grantRole(secretariat, user.id, { role: "centre_admin", organisationId: university }),
    );
    expect(centreRoleAtUniversity).toMatchObject({ code: "validation_failed", status: 400, fields: [{ path: "organisationId" }] });
    expect(translateError(centreRoleAtUniversity, "ru").fields[0]?.message).toMatch(/роли центра/);
    const institutionRoleAtCentre = await failure(
      identity().grantRole(secretariat, user.id, { role: "institution_admin", organisationId: centreA }),
    );
    expect(institutionRoleAtCentre).toMatchObject({ code: "validation_failed", fields: [{ path: "organisationId" }] });
    const [unchanged] = (await identity().listUsers(secretariat, { q: user.email })).items;
    expect(unchanged?.roles).toEqual([{ role: "learner", organisationId: null }]);

    // The team page offers only the roles that fit.
    expect(await identity().grantableRoles(secretariat, university)).toEqual(["institution_admin"]);
    expect(await identity().grantableRoles(secretariat, centreA)).not.toContain("institution_admin");
    const granted = await identity().grantRole(secretariat, user.id, { role: "institution_admin", organisationId: university });
    expect(granted.roles).toContainEqual({ role: "institution_admin", organisationId: university });
  });

  test("nobody grants themselves a role: a centre admin asks someone above, the secretariat too; only a platform admin may", async () => {
    const centre = (await createCentre(runtime.services)).id;
    const admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centre }] });
    const selfGrant = await failure(identity().grantRole(admin, admin.userId, { role: "reviewer", organisationId: centre }));
    expect(selfGrant).toMatchObject({ code: "own_work", status: 403 });
    expect(
      await failure(identity().grantRoleByEmail(admin, { email: admin.email, role: "reviewer", organisationId: centre })),
    ).toMatchObject({
      code: "own_work",
    });
    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    expect((await failure(identity().grantRole(secretariat, secretariat.userId, { role: "reviewer", organisationId: null }))).code).toBe(
      "own_work",
    );
    expect((await identity().me(admin)).roles).toEqual([{ role: "centre_admin", organisationId: centre }]);

    const granted = await identity().grantRole(secretariat, admin.userId, { role: "reviewer", organisationId: centre });
    expect(granted.roles).toContainEqual({ role: "reviewer", organisationId: centre });
    const platform = await createSignedInUser(runtime.services, { roles: [{ role: "platform_admin", organisationId: null }] });
    const own = await identity().grantRole(platform, platform.userId, { role: "translator", organisationId: null });
    expect(own.roles).toContainEqual({ role: "translator", organisationId: null });
  });

  test("nobody probes addresses through granting by email: those who may not grant that role hear 403 first, granters 60 times in 15 minutes", async () => {
    const { email: known } = await createUser(runtime.services);
    const learner = await createSignedInUser(runtime.services);
    const centre = (await createCentre(runtime.services)).id;
    const elsewhere = (await createCentre(runtime.services)).id;
    const admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centre }] });
    for (const address of [known, uniqueEmail()]) {
      expect(await failure(identity().grantRoleByEmail(learner, { email: address, role: "author", organisationId: centre }))).toMatchObject(
        {
          code: "forbidden",
          status: 403,
        },
      );
      expect((await failure(identity().grantRoleByEmail(admin, { email: address, role: "author", organisationId: elsewhere }))).code).toBe(
        "forbidden",
      );
    }
    for (let i = 0; i < 60; i++) {
      await failure(identity().grantRoleByEmail(admin, { email: uniqueEmail(), role: "author", organisationId: centre }));
    }
    expect(await failure(identity().grantRoleByEmail(admin, { email: known, role: "author", organisationId: centre }))).toMatchObject({
      code: "rate_limited",
      status: 429,
    });
  });

  test("a learner cannot list users; the secretariat can, and can search", async () => {
    const learner = await createSignedInUser(runtime.services);
    expect(await failure(identity().listUsers(learner))).toMatchObject({ code: "forbidden", status: 403 });
    expect(await failure(identity().listUsers(null))).toMatchObject({ code: "unauthenticated" });

    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    await createUser(runtime.services, { name: "Zanele Findable" });
    const page = await identity().listUsers(secretariat, { q: "zanele find" });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ name: "Zanele Findable", roles: [{ role: "learner" }] });
    expect((await identity().listUsers(secretariat, { q: "%" })).total).toBe(0);
  });

  test("a centre admin grants staff roles in their own centre only", async () => {
    const admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centreA }] });
    const { user } = await createUser(runtime.services);

    const granted = await identity().grantRole(admin, user.id, { role: "centre_staff", organisationId: centreA });
    expect(granted.roles).toContainEqual({ role: "centre_staff", organisationId: centreA });
    // Granting twice changes nothing.
    expect((await identity().grantRole(admin, user.id, { role: "centre_staff", organisationId: centreA })).roles).toHaveLength(2);

    expect(await failure(identity().grantRole(admin, user.id, { role: "centre_staff", organisationId: centreB }))).toMatchObject({
      code: "forbidden",
    });
    expect(await failure(identity().grantRole(admin, user.id, { role: "secretariat", organisationId: null }))).toMatchObject({
      code: "forbidden",
    });
    expect(await failure(identity().grantRole(admin, user.id, { role: "institution_admin", organisationId: centreA }))).toMatchObject({
      code: "forbidden",
    });

    const revoked = await identity().revokeRole(admin, user.id, { role: "centre_staff", organisationId: centreA });
    expect(revoked.roles).toEqual([{ role: "learner", organisationId: null }]);
  });

  test("a centre admin sees their centre's team and gives course roles by email; reviewers may serve the whole network", async () => {
    const admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centreA }] });
    const { user, email } = await createUser(runtime.services, { name: "Aigerim Author" });

    expect(await identity().grantableRoles(admin, centreA)).toEqual(["centre_admin", "centre_staff", "author", "reviewer", "translator"]);
    expect(await identity().grantableRoles(admin, centreB)).toEqual([]);
    const granted = await identity().grantRoleByEmail(admin, { email: email.toUpperCase(), role: "author", organisationId: centreA });
    expect(granted.id).toBe(user.id);
    const team = await identity().teamOf(admin, centreA);
    expect(team.map((p) => p.name)).toContain("Aigerim Author");
    expect(team.find((p) => p.id === user.id)?.roles).toContainEqual({ role: "author", organisationId: centreA });

    const unknown = await failure(identity().grantRoleByEmail(admin, { email: uniqueEmail(), role: "author", organisationId: centreA }));
    expect(unknown).toMatchObject({ status: 400, fields: [{ path: "email" }] });
    expect((await failure(identity().teamOf(admin, centreB))).code).toBe("forbidden");
    expect((await failure(identity().teamOf(admin, null))).code).toBe("forbidden");
    expect((await failure(identity().grantRoleByEmail(admin, { email, role: "author", organisationId: centreB }))).code).toBe("forbidden");

    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    await identity().grantRoleByEmail(secretariat, { email, role: "reviewer", organisationId: null });
    const staff = await identity().teamOf(secretariat, null);
    expect(staff.find((p) => p.id === user.id)?.roles).toContainEqual({ role: "reviewer", organisationId: null });
    // Authors belong to a centre.
    const global = await failure(identity().grantRoleByEmail(secretariat, { email, role: "author", organisationId: null }));
    expect(global.fields[0]?.path).toBe("organisationId");
  });

  test("learners grant nothing; the secretariat cannot make platform admins; a scoped role needs its organisation", async () => {
    const learner = await createSignedInUser(runtime.services);
    const secretariat = await createSignedInUser(runtime.services, { roles: [{ role: "secretariat", organisationId: null }] });
    const platformAdmin = await createSignedInUser(runtime.services, { roles: [{ role: "platform_admin", organisationId: null }] });
    const { user } = await createUser(runtime.services);

    expect((await failure(identity().grantRole(learner, user.id, { role: "learner", organisationId: null }))).code).toBe("forbidden");
    expect((await failure(identity().grantRole(secretariat, user.id, { role: "platform_admin", organisationId: null }))).code).toBe(
      "forbidden",
    );
    const missing = await failure(identity().grantRole(secretariat, user.id, { role: "centre_admin", organisationId: null }));
    expect(missing).toMatchObject({ code: "validation_failed", fields: [{ path: "organisationId" }] });
    expect((await failure(identity().grantRole(secretariat, crypto.randomUUID(), { role: "secretariat" }))).code).toBe("not_found");

    await identity().grantRole(secretariat, user.id, { role: "centre_admin", organisationId: centreB });
    const promoted = await identity().grantRole(platformAdmin, user.id, { role: "platform_admin", organisationId: null });
    expect(promoted.roles.map((r) => r.role).sort()).toEqual(["centre_admin", "learner", "platform_admin"]);
    // The new roles apply to the person's next request.
    const { actor } = await identity().signIn({ email: promoted.email, password: testPassword, clientKey: "" });
    expect(actor.roles).toHaveLength(3);
  });

  test("createUser (command line, demo seed) refuses a duplicate and a scoped role without its organisation", async () => {
    const { email } = await createUser(runtime.services);
    expect((await failure(identity().createUser({ email, name: "Again", password: testPassword, roles: [] }))).code).toBe(
      "duplicate_email",
    );
    const unscoped = await failure(
      identity().createUser({
        email: uniqueEmail(),
        name: "X",
        password: testPassword,
        roles: [{ role: "centre_staff", organisationId: null }],
      }),
    );
    expect(unscoped.fields[0]?.path).toBe("roles.0.organisationId");
  });
});
