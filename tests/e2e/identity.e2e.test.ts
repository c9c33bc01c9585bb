import crypto from "node:crypto";
import http from "node:http";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import commonAr from "../../src/i18n/messages/common/ar.ts";
import commonEn from "../../src/i18n/messages/common/en.ts";
import errorsAr from "../../src/i18n/messages/errors/ar.ts";
import errorsEn from "../../src/i18n/messages/errors/en.ts";
import errorsRu from "../../src/i18n/messages/errors/ru.ts";
import identityAr from "../../src/i18n/messages/identity/ar.ts";
import identityEn from "../../src/i18n/messages/identity/en.ts";
import { mailTo, verifyLinkIn } from "./mail.ts";
import { screenshot, signIn, useOrbisAndBrowser } from "./support.ts";

const orbis = useOrbisAndBrowser();
const freshPage = () => orbis.newPage({ viewport: { width: 1000, height: 800 } });

const messages = {
  en: { ...identityEn, ...commonEn },
  ar: { ...identityAr, ...commonAr },
};

/** A label as the page shows it; required fields add a star that is not part of the words. */
const label = (text: string) => new RegExp(`^${text.replace(/[()]/g, "\\$&")}`);

async function signOut(page: Page, locale: "en" | "ar") {
  await page.locator(".account-nav").getByRole("button", { name: messages[locale]["common.nav.signOut"] }).click();
  await page.locator(".account-nav").getByRole("link", { name: messages[locale]["common.nav.signIn"] }).waitFor();
}

describe.each(["en", "ar"] as const)("sign up, sign out, sign in again (%s)", (locale) => {
  const m = messages[locale];

  it("works end to end, with the name in the header while signed in", async () => {
    const page = await freshPage();
    const email = `journey-${locale}-${crypto.randomBytes(4).toString("hex")}@orbis.test`;
    const password = "a journey password";
    const name = locale === "ar" ? "سلمى المتعلمة" : "Journey Learner";

    await page.goto(`${orbis.url}/${locale}/sign-up`);
    expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(m["identity.signUp.title"]);
    await page.getByLabel(label(m["identity.field.name"])).fill(name);
    await page.getByLabel(label(m["identity.field.email"])).fill(email);
    await page.getByLabel(label(m["identity.field.password"])).fill(password);
    await page.getByRole("button", { name: m["identity.signUp.submit"] }).click();

    // Not signed in yet: the same page as for an address that has an account.
    await page.getByRole("heading", { level: 1, name: m["identity.checkEmail.title"] }).waitFor();
    expect(page.url()).toBe(`${orbis.url}/${locale}/check-email`);
    await screenshot(page, `identity-check-email-${locale}`);
    await page.goto(verifyLinkIn(await mailTo(orbis.dataDir, email, /verify-email/)));
    await page.getByRole("button", { name: m["identity.verify.submit"] }).click();
    await page.getByText(m["identity.account.emailVerified"]).waitFor();
    const account = page.locator(".account-nav").getByRole("link", { name });
    await account.waitFor();
    expect(await page.getAttribute("html", "lang")).toBe(locale);
    await screenshot(page, `identity-verified-${locale}`);

    await signOut(page, locale);
    await signIn(page, orbis.url, email, password, locale);
    await account.waitFor();
    await signOut(page, locale);
    expect(await page.locator(".account-nav").textContent()).not.toContain(name);
  });
});

describe("sign-in mistakes", () => {
  it("shows the wrong-password message in Arabic, right to left, and keeps the email typed", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/ar/sign-in`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await screenshot(page, "identity-sign-in-ar");
    await page.locator('input[name="email"]').fill("learner.ar@orbis.example");
    await page.locator('input[name="password"]').fill("not the password");
    await page.locator("main").getByRole("button", { name: messages.ar["identity.signIn.submit"] }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(errorsAr["error.invalid_credentials"]);
    expect(await page.locator('input[name="email"]').inputValue()).toBe("learner.ar@orbis.example");
    await screenshot(page, "identity-sign-in-ar-error");
  });

  it("sends people back to the page they asked for after signing in", async () => {
    const page = await freshPage();
    await page.goto(`${orbis.url}/en/account`);
    await page.waitForURL(/\/en\/sign-in\?next=/);
    await page.locator('input[name="email"]').fill("learner@orbis.example");
    await page.locator('input[name="password"]').fill("orbis-demo-2026");
    await page.locator("main").getByRole("button", { name: messages.en["identity.signIn.submit"] }).click();
    await page.getByRole("heading", { level: 1, name: messages.en["identity.account.title"] }).waitFor();
    expect(page.url()).toBe(`${orbis.url}/en/account`);
  });
});

describe("password reset by email", () => {
  it("mails a link to the outbox; the link sets a new password and signs the person in", async () => {
    const page = await freshPage();
    const email = `reset-${crypto.randomBytes(4).toString("hex")}@orbis.test`;
    const signUp = await fetch(`${orbis.url}/api/v1/auth/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Reset Journey", email, password: "the old password" }),
    });
    expect(signUp.status).toBe(202);

    await page.goto(`${orbis.url}/en/sign-in`);
    await page.getByRole("link", { name: messages.en["identity.signIn.forgot"] }).click();
    // The sign-in page has an email field too: wait for the new page before typing.
    await page.getByRole("heading", { level: 1, name: messages.en["identity.forgot.title"] }).waitFor();
    await page.getByLabel(label(messages.en["identity.field.email"])).fill(email);
    await page.getByRole("button", { name: messages.en["identity.forgot.submit"] }).click();
    await page.getByRole("status").waitFor();

    // The server's outbox sends the mail just after the page has answered.
    const mail = await mailTo(orbis.dataDir, email, /reset-password/);
    const link = mail.match(/http:\/\/[^\s"<>]+\/en\/reset-password\/[\w-]+/)?.[0];
    expect(link).toBeTruthy();

    await page.goto(link as string);
    await page.getByLabel(label(messages.en["identity.field.newPassword"])).fill("the new password!");
    await page.getByRole("button", { name: messages.en["identity.reset.submit"] }).click();
    await page.waitForURL(/\/en\/account\?passwordChanged/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(messages.en["identity.account.passwordChanged"]);
  });
});

describe("account page", () => {
  it("creates an API token shown once, which then works as a Bearer token, and revokes it", async () => {
    const page = await freshPage();
    await signIn(page, orbis.url, "learner@orbis.example", "orbis-demo-2026");
    await page.goto(`${orbis.url}/en/account`);
    // Behind "Advanced": learners see their own things first.
    expect(await page.getByLabel(label(messages.en["identity.tokens.name"])).isVisible()).toBe(false);
    await page.getByText(messages.en["identity.account.advanced"]).click();
    await page.getByLabel(label(messages.en["identity.tokens.name"])).fill("journey script");
    await page.getByRole("button", { name: messages.en["identity.tokens.create"] }).click();
    const token = await page.locator("code.new-token").textContent();
    expect(token).toMatch(/^orbis_/);

    const me = await fetch(`${orbis.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { email: string }).email).toBe("learner@orbis.example");
    // The form offers read-only first: the token reads and changes nothing.
    const write = await fetch(`${orbis.url}/api/v1/me`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Changed by a script" }),
    });
    expect(write.status).toBe(403);

    await page.getByRole("button", { name: "Revoke the token journey script" }).click();
    await page.getByText(messages.en["identity.tokens.revoked"]).waitFor();
    const after = await fetch(`${orbis.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });
});

/** Sends only the headers of a post that claims `length` bytes, and reads the answer. */
function postHeadersOnly(url: string, length: number, language: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(length), "accept-language": language },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

describe("oversized form posts", () => {
  it("are refused from their headers with a translated page, before anything reads the body", async () => {
    const refused = await postHeadersOnly(`${orbis.url}/ru/sign-in`, 50 * 1024 * 1024, "ru");
    expect(refused.status).toBe(413);
    expect(refused.body).toContain(`<title>${errorsRu["error.payload_too_large"]}</title>`);
    expect(refused.body).toContain('lang="ru"');

    const arabic = await postHeadersOnly(`${orbis.url}/ar/sign-in`, 50 * 1024 * 1024, "ar");
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain(errorsAr["error.payload_too_large"]);

    // A form of ordinary size still reaches the page (and its CSRF check).
    const small = await fetch(`${orbis.url}/ru/sign-in`, { method: "POST", body: new URLSearchParams({ email: "x@y.z" }) });
    expect(small.status).toBe(403);
  });
});

describe("CSRF", () => {
  it("refuses a post with a missing or wrong token on the UI's forms and on the upload forms, and lets the right one through", async () => {
    const page = await freshPage();
    const email = `csrf-${crypto.randomBytes(4).toString("hex")}@orbis.test`;
    // The token of an anonymous visit (in its cookie): once signed in, it no longer counts.
    await page.goto(`${orbis.url}/en/sign-in`);
    const anonymous = await page.locator('input[name="_csrf"]').first().inputValue();
    const signUp = await page.request.post(`${orbis.url}/api/v1/auth/sign-up`, {
      data: { name: "Csrf Before", email, password: "a csrf journey password" },
    });
    expect(signUp.status()).toBe(202);
    const link = verifyLinkIn(await mailTo(orbis.dataDir, email, /verify-email/));
    const verified = await page.request.post(`${orbis.url}/api/v1/auth/email-verification`, { data: { token: link.split("/").at(-1) } });
    expect(verified.status()).toBe(200);
    await page.goto(`${orbis.url}/en/account`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    expect(token.length).toBeGreaterThan(20);
    const sameLengthWrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(token).not.toBe(anonymous);
    const forgeries: Record<string, string>[] = [
      {},
      { _csrf: "" },
      { _csrf: "not-the-token" },
      { _csrf: sameLengthWrong },
      { _csrf: anonymous },
    ];
    const myName = async () => ((await (await page.request.get(`${orbis.url}/api/v1/me`)).json()) as { name: string }).name;

    // The UI's forms: the root route's middleware (src/web/csrf.server.ts).
    const saveProfile = (fields: Record<string, string>, name: string) =>
      page.request.post(`${orbis.url}/en/account`, { form: { ...fields, intent: "profile", name, locale: "en" }, maxRedirects: 0 });
    for (const fields of forgeries) {
      const refused = await saveProfile(fields, "Csrf Forged");
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain(errorsEn["error.csrf_failed"]);
    }
    expect(await myName()).toBe("Csrf Before");
    expect((await saveProfile({ _csrf: token }, "Csrf After")).status()).not.toBe(403);
    expect(await myName()).toBe("Csrf After");

    // The upload forms Fastify answers itself (src/http/media-forms.ts): refused before the file is read.
    const upload = (fields: Record<string, string>) =>
      page.request.post(`${orbis.url}/en/manage/courses/no-such-course/cover`, {
        multipart: { ...fields, file: { name: "cover.png", mimeType: "image/png", buffer: Buffer.from("not an image") } },
        maxRedirects: 0,
      });
    for (const fields of forgeries) {
      const refused = await upload(fields);
      expect(refused.status()).toBe(303);
      expect(refused.headers().location).toContain("error=csrf_failed");
    }
    // With the right token the upload gets past the check, to the course that is not there.
    const honest = await upload({ _csrf: token });
    expect(honest.status()).toBe(303);
    expect(honest.headers().location).toContain("error=not_found");
  });
});

describe("sign-up tells nobody which addresses have accounts (ru, 360 px)", () => {
  it("a known address gets the same page; its owner gets a mail to sign in or reset", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${orbis.url}/ru/sign-up`);
    await page.locator('input[name="name"]').fill("Кто-то другой");
    await page.locator('input[name="email"]').fill("learner@orbis.example");
    await page.locator('input[name="password"]').fill("some long password");
    await page.locator("main").getByRole("button").last().click();
    await page.waitForURL(`${orbis.url}/ru/check-email`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "identity-check-email-ru-360");
    // In the owner's language (English), not the page's.
    const mail = await mailTo(orbis.dataDir, "learner@orbis.example", /forgot-password/);
    expect(mail).toContain("/en/forgot-password");
    expect(mail).not.toContain("verify-email");
  });
});

describe("changing the address (ar, 360 px)", () => {
  it("waits for the new address's link, then the account shows the new address", async () => {
    const page = await orbis.newPage({ viewport: { width: 360, height: 740 } });
    const email = `move-${crypto.randomBytes(4).toString("hex")}@orbis.test`;
    const next = `moved-${crypto.randomBytes(4).toString("hex")}@orbis.test`;
    const signUp = await page.request.post(`${orbis.url}/api/v1/auth/sign-up`, {
      data: { name: "نادية", email, password: "a moving password", locale: "ar" },
    });
    expect(signUp.status()).toBe(202);
    await signIn(page, orbis.url, email, "a moving password", "ar");
    await page.goto(`${orbis.url}/ar/account`);
    // Unconfirmed: marked in the menu and on the account page.
    await page.locator(".account-nav .badge.warn").first().waitFor({ state: "attached" });
    await page.getByText(messages.ar["identity.account.unverified"]).waitFor();
    await screenshot(page, "identity-account-unverified-ar-360");
    await page.getByText(messages.ar["identity.emailChange.title"]).click();
    await page.getByLabel(label(messages.ar["identity.field.newEmail"])).fill(next);
    await page.locator("#email-currentPassword").fill("a moving password");
    await page.getByRole("button", { name: messages.ar["identity.emailChange.submit"] }).click();
    await page.getByRole("status").filter({ hasText: next }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "identity-account-pending-ar-360");

    await page.goto(verifyLinkIn(await mailTo(orbis.dataDir, next, /verify-email/)));
    await page.getByRole("button", { name: messages.ar["identity.verify.submit"] }).click();
    await page.getByText(messages.ar["identity.account.emailChanged"]).waitFor();
    expect(await page.locator("main dd bdi").first().textContent()).toBe(next);

    // The profile: country and languages named in Arabic, chosen without script.
    await page.locator("#profile-affiliation").fill("جامعة القاهرة");
    await page.locator("#profile-country").selectOption("EG");
    expect(await page.locator('#profile-country option[value="EG"]').textContent()).toBe("مصر");
    await page.locator(".profile-languages summary").click();
    await page.locator('input[name="languages"][value="ar"]').check();
    await page.locator('input[name="languages"][value="fr"]').check();
    await page
      .locator("main form")
      .filter({ has: page.locator("#profile-affiliation") })
      .getByRole("button")
      .last()
      .click();
    await page.waitForURL(/\/ar\/account\?saved/);
    expect(await page.locator("#profile-affiliation").inputValue()).toBe("جامعة القاهرة");
    expect(await page.locator(".profile-languages summary").textContent()).toContain("العربية");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "identity-account-profile-ar-360");
  });
});
