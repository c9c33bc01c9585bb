import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser, testPassword } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { users } from "./schema.ts";

let runtime: TestRuntime;
const identity = () => runtime.services.identity;
const uniqueEmail = () => `verify-${crypto.randomBytes(5).toString("hex")}@orbis.test`;
const HOUR = 3_600_000;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

/** The mails delivered to this address so far. */
async function mailsTo(address: string) {
  await runtime.deliverMail();
  return runtime.mailer.sent.filter((mail) => String(mail.to).toLowerCase() === address.toLowerCase());
}

const linkIn = (text: string | undefined) => text?.match(/\/(\w\w)\/verify-email\/([\w-]+)/)?.[2];

async function accountOf(address: string) {
  const [row] = await runtime.database.db.select().from(users).where(eq(users.email, address));
  return row;
}

describe("sign-up proves the address by a mailed link", () => {
  test("a new account is an unconfirmed learner until its link is used; the link signs in once", async () => {
    const address = uniqueEmail();
    await expect(identity().signUp({ name: "Nadia", email: address, password: testPassword, locale: "ru" })).resolves.toBeUndefined();
    expect(await accountOf(address)).toMatchObject({ emailVerifiedAt: null, locale: "ru" });
    const [mail, ...others] = await mailsTo(address);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe("Подтвердите адрес электронной почты в Orbis");
    expect(mail?.text).toContain("/ru/verify-email/");

    // Unconfirmed people may sign in and learn; the actor says they are unconfirmed.
    const { actor } = await identity().signIn({ email: address, password: testPassword, clientKey: "" });
    expect(actor.emailVerified).toBe(false);
    expect(await identity().me(actor)).toMatchObject({ emailVerified: false, pendingEmail: null });

    const token = linkIn(mail?.text) as string;
    const used = await identity().verifyEmail({ token });
    expect(used).toMatchObject({ purpose: "sign_up", locale: "ru" });
    expect(await identity().authenticate({ sessionToken: used.sessionToken as string })).toMatchObject({
      email: address,
      emailVerified: true,
    });
    expect((await accountOf(address))?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await failure(identity().verifyEmail({ token }))).toMatchObject({ code: "invalid_token", status: 400 });
  });

  test("a known address gets the same answer; its owner is mailed (sign in or reset), nothing about the account changes", async () => {
    const { email: address, user } = await createUser(runtime.services, { locale: "fr" });
    const answer = await identity().signUp({ name: "Intruder", email: address.toUpperCase(), password: "another password!", locale: "en" });
    expect(answer).toBeUndefined();
    const [mail, ...others] = await mailsTo(address);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe("Quelqu’un a essayé d’utiliser votre adresse sur Orbis");
    expect(mail?.text).toContain("/fr/forgot-password");
    expect(linkIn(mail?.text)).toBeUndefined();
    expect(await accountOf(address)).toMatchObject({ id: user.id, name: user.name });
    await expect(identity().signIn({ email: address, password: testPassword, clientKey: "" })).resolves.toBeTruthy();
    await expect(identity().signIn({ email: address, password: "another password!", clientKey: "" })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
  });

  test("the owner of a known address gets at most three such mails in 15 minutes", async () => {
    const { email: address } = await createUser(runtime.services);
    for (let i = 0; i < 5; i++) await identity().signUp({ name: "Again", email: address, password: testPassword, locale: "en" });
    expect(await mailsTo(address)).toHaveLength(3);
    runtime.clock.advance(16 * 60_000);
    await identity().signUp({ name: "Again", email: address, password: testPassword, locale: "en" });
    expect(await mailsTo(address)).toHaveLength(4);
  });

  test("a link ends after 48 hours; a new one can be asked for, at most three in 15 minutes", async () => {
    const address = uniqueEmail();
    await identity().signUp({ name: "Late", email: address, password: testPassword, locale: "en" });
    const token = linkIn((await mailsTo(address))[0]?.text) as string;
    runtime.clock.advance(49 * HOUR);
    expect(await failure(identity().verifyEmail({ token }))).toMatchObject({ code: "invalid_token" });

    const { actor } = await identity().signIn({ email: address, password: testPassword, clientKey: "" });
    for (let i = 0; i < 3; i++) expect(await identity().resendVerification(actor, "es")).toEqual({ sentTo: address });
    expect(await failure(identity().resendVerification(actor, "es"))).toMatchObject({ code: "rate_limited", status: 429 });
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(4);
    const fresh = linkIn(mails[3]?.text) as string;
    expect(mails[3]?.text).toContain("/es/verify-email/");
    await identity().verifyEmail({ token: fresh });
    expect(await identity().me(actor)).toMatchObject({ emailVerified: true });
    // Nothing left to confirm: nothing is sent.
    runtime.clock.advance(16 * 60_000);
    expect(await identity().resendVerification(actor, "en")).toEqual({ sentTo: null });
  });

  test("a password reset link proves the address too", async () => {
    const address = uniqueEmail();
    await identity().signUp({ name: "Resetter", email: address, password: testPassword, locale: "en" });
    await identity().requestPasswordReset({ email: address, locale: "en" });
    const resetToken = (await mailsTo(address)).at(-1)?.text.match(/reset-password\/([\w-]+)/)?.[1] as string;
    await identity().resetPassword({ token: resetToken, password: "a brand new password" });
    expect((await accountOf(address))?.emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("changing the address", () => {
  test("takes the password, changes nothing until the new address's link is used, then tells the old address", async () => {
    const { email: old, password } = await createUser(runtime.services, { locale: "ar" });
    const { actor } = await identity().signIn({ email: old, password, clientKey: "" });
    const next = uniqueEmail();
    const wrong = await failure(identity().requestEmailChange(actor, { email: next, currentPassword: "not my password", locale: "ar" }));
    expect(wrong.fields.map((f) => f.path)).toEqual(["currentPassword"]);
    const same = await failure(identity().requestEmailChange(actor, { email: old.toUpperCase(), currentPassword: password, locale: "ar" }));
    expect(same.fields.map((f) => f.path)).toEqual(["email"]);

    expect(await identity().requestEmailChange(actor, { email: next, currentPassword: password, locale: "ar" })).toEqual({
      pendingEmail: next,
    });
    expect(await identity().me(actor)).toMatchObject({ email: old, pendingEmail: next, emailVerified: true });
    const token = linkIn((await mailsTo(next))[0]?.text) as string;
    expect(await identity().verifyEmail({ token })).toMatchObject({ purpose: "change", sessionToken: null });
    expect(await identity().me(actor)).toMatchObject({ email: next, pendingEmail: null, emailVerified: true });
    const [notice] = await mailsTo(old);
    expect(notice?.subject).toBe("تغيّر عنوان البريد الإلكتروني لحسابك في Orbis");
    expect(notice?.text).toContain(next);
    await expect(identity().signIn({ email: next, password, clientKey: "" })).resolves.toBeTruthy();
  });

  test("an address with another account gets the same answer; its owner a notice, never a link", async () => {
    const { email: mine, password } = await createUser(runtime.services);
    const { email: theirs, user: them } = await createUser(runtime.services);
    const { actor } = await identity().signIn({ email: mine, password, clientKey: "" });
    expect(await identity().requestEmailChange(actor, { email: theirs, currentPassword: password, locale: "en" })).toEqual({
      pendingEmail: theirs,
    });
    expect(await identity().me(actor)).toMatchObject({ email: mine, pendingEmail: theirs });
    expect(await identity().resendVerification(actor, "en")).toEqual({ sentTo: theirs });
    const mails = await mailsTo(theirs);
    expect(mails).toHaveLength(2);
    expect(mails.every((mail) => linkIn(mail.text) === undefined)).toBe(true);
    expect(await accountOf(theirs)).toMatchObject({ id: them.id });
  });

  test("a link for an address taken after it was sent fails with a 409 and changes nothing", async () => {
    const { email: mine, password, user } = await createUser(runtime.services);
    const { actor } = await identity().signIn({ email: mine, password, clientKey: "" });
    const next = uniqueEmail();
    await identity().requestEmailChange(actor, { email: next, currentPassword: password, locale: "en" });
    const token = linkIn((await mailsTo(next))[0]?.text) as string;
    await identity().signUp({ name: "Quicker", email: next, password: testPassword, locale: "en" });
    expect(await failure(identity().verifyEmail({ token }))).toMatchObject({ code: "duplicate_email", status: 409 });
    expect(await accountOf(mine)).toMatchObject({ id: user.id });
  });
});
