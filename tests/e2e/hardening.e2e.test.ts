/**
 * The hardening of issue 10 as the production server shows it in pages: refusals of unreadable
 * input in the site's layout, error pages with titles, cookies mangled by a client, redirects
 * after sign-in, caching, the API reference offline, and pages while PostgreSQL is down.
 */

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres.ts";
import { mailTo, verifyLinkIn } from "./mail.ts";
import { type RunningOrbis, startOrbis, useOrbisAndBrowser } from "./support.ts";

const session = useOrbisAndBrowser();
const demoPassword = "orbis-demo-2026";

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];
const langOf = (html: string) => html.match(/<html lang="([a-z]+)"/)?.[1];

/** A form page's CSRF pair, as a browser holds it: the cookie and the hidden field. */
async function formPage(path: string, cookie?: string) {
  const response = await fetch(`${session.url}${path}`, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("orbis_csrf="));
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "";
  return { response, html, cookie: setCookie?.split(";")[0] ?? cookie ?? "", token };
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${session.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: session.url },
    body: new URLSearchParams(fields),
  });
}

async function signedInCookie(email: string, locale = "en") {
  const { cookie, token } = await formPage(`/${locale}/sign-in`);
  const response = await post(`/${locale}/sign-in`, cookie, { _csrf: token, email, password: demoPassword });
  expect(response.status).toBe(302);
  const sessionCookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("orbis_session="))
    ?.split(";")[0];
  return `${cookie}; ${sessionCookie}`;
}

describe("unreadable input on pages", () => {
  test("a NUL in a page's address is a 400 page in the site's layout and the reader's language", async () => {
    const response = await fetch(`${session.url}/fr/courses?q=a%00b`);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(langOf(html)).toBe("fr");
    expect(titleOf(html)).toBe("Cette requête ne peut pas être lue · Orbis");
    expect(html).toMatch(/<link[^>]+rel="stylesheet"/);
    const inPath = await fetch(`${session.url}/ar/centres/a%00b`);
    expect(inPath.status).toBe(400);
    expect(langOf(await inPath.text())).toBe("ar");
  });

  test("a NUL in a form post is a 400 page and the account is not made", async () => {
    const email = `nul-${Date.now()}@orbis.test`;
    const { cookie, token } = await formPage("/en/sign-up");
    const response = await post("/en/sign-up", cookie, { _csrf: token, name: "Eve\u0000Null", email, password: "a long enough password" });
    expect(response.status).toBe(400);
    expect(titleOf(await response.text())).toBe("This request cannot be read · Orbis");
    const signIn = await fetch(`${session.url}/api/v1/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "a long enough password", name: "check" }),
    });
    expect(signIn.status).toBe(401);
  });

  test("an address with broken percent-encoding is a 400 page, not JSON", async () => {
    const response = await fetch(`${session.url}/en/courses/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(titleOf(await response.text())).toBe("This request cannot be read · Orbis");
  });

  test("a mangled CSRF cookie gets a fresh one instead of a 500, and the form then works", async () => {
    const mangled = "orbis_csrf=%E0%A4%A";
    for (const path of ["/en", "/en/courses", "/en/sign-in"]) {
      const response = await fetch(`${session.url}${path}`, { headers: { cookie: mangled } });
      expect(response.status, path).toBe(200);
      // Pages without a form are the page cache's, the same for every visitor and setting no cookie
      // (decision 0017); a page with a form replaces the mangled cookie.
      expect(
        response.headers.getSetCookie().some((c) => /^orbis_csrf=[\w-]{43};/.test(c)),
        path,
      ).toBe(path === "/en/sign-in");
    }
    const refused = await post("/en/sign-in", mangled, { _csrf: "%E0%A4%A", email: "learner@orbis.example", password: demoPassword });
    expect(refused.status).toBe(403);
    const fresh = await formPage("/en/sign-in", mangled);
    const accepted = await post("/en/sign-in", fresh.cookie, {
      _csrf: fresh.token,
      email: "learner@orbis.example",
      password: demoPassword,
    });
    expect(accepted.status).toBe(302);
  });
});

describe("error pages", () => {
  test("the 404 page has a title, in the reader's language", async () => {
    const english = await fetch(`${session.url}/en/no-such-page`);
    expect(english.status).toBe(404);
    expect(titleOf(await english.text())).toBe("Page not found · Orbis");
    const arabic = await (await fetch(`${session.url}/ar/no-such-page`)).text();
    expect(titleOf(arabic)).toMatch(/ · Orbis$/);
    expect(titleOf(arabic)).not.toBe("Page not found · Orbis");
  });
});

describe("after signing in", () => {
  test.each(["/.//evil.example", "/a/..//evil.example/x", "/%2e%2e//evil.example", "/\\evil.example"])(
    "?next=%s does not leave the site",
    async (next) => {
      const { cookie, token } = await formPage("/en/sign-in");
      const response = await post("/en/sign-in", cookie, { _csrf: token, email: "learner@orbis.example", password: demoPassword, next });
      expect(response.status).toBe(302);
      const location = response.headers.get("location") ?? "";
      expect(new URL(location, session.url).origin).toBe(session.url);
      expect(location).toMatch(/^\/(?![/\\])/);
    },
  );

  test("a signed-in person's pages are not stored; public pages and assets keep their caching", async () => {
    const cookie = await signedInCookie("learner@orbis.example");
    const personal = await fetch(`${session.url}/en/courses`, { headers: { cookie } });
    expect(personal.status).toBe(200);
    expect(personal.headers.get("cache-control")).toBe("no-store");
    const anonymous = await fetch(`${session.url}/en/courses`);
    expect(anonymous.headers.get("cache-control")).not.toBe("no-store");
    const html = await anonymous.text();
    const asset = html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    const assetResponse = await fetch(`${session.url}${asset}`, { headers: { cookie } });
    expect(assetResponse.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("the API reference", () => {
  test("renders with nothing loaded from other sites and no Content-Security-Policy violation", async () => {
    const page = await session.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(session.url) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) {
        elsewhere.push(request.url());
      }
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${session.url}/api/docs/`);
    await page
      .getByText("Create an account (a learner): a link to confirm the address is mailed", { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

const bin = postgresBinaries();
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
if (!bin && inCi) throw new Error("The PostgreSQL outage journey needs PostgreSQL's binaries in CI");

describe.runIf(bin)("pages while PostgreSQL is down", { timeout: 120_000 }, () => {
  let postgres: ThrowawayPostgres;
  let orbis: RunningOrbis;
  let cookie: string;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres(bin ?? "");
    orbis = await startOrbis({ DATABASE_URL: postgres.url, SEED_DEMO: "never", DB_CONNECT_TIMEOUT_S: "2" });
    const signUp = await fetch(`${orbis.url}/api/v1/auth/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Outage Person", email: "outage@orbis.test", password: "a long enough password" }),
    });
    expect(signUp.status).toBe(202);
    const token = verifyLinkIn(await mailTo(orbis.dataDir, "outage@orbis.test", /verify-email/))
      .split("/")
      .at(-1);
    const verified = await fetch(`${orbis.url}/api/v1/auth/email-verification`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    cookie = verified.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  }, 180_000);
  afterAll(async () => {
    await orbis?.stop();
    postgres?.remove();
  });

  async function expectUnavailablePage(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${orbis.url}${path}`, { headers });
    expect(response.status, path).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(langOf(html)).toBe("fr");
    expect(titleOf(html)).toBe("Orbis est momentanément indisponible · Orbis");
  }

  test("anonymous and signed-in readers get a translated 503 page with Retry-After; pages come back with the database", async () => {
    expect((await fetch(`${orbis.url}/fr/courses`, { headers: { cookie } })).status).toBe(200);
    postgres.stop();
    try {
      await expectUnavailablePage("/fr/courses");
      await expectUnavailablePage("/fr");
      // Signed in, the session lookup is what fails first: still a page, not the API's JSON.
      await expectUnavailablePage("/fr/courses", { cookie });
      expect((await fetch(`${orbis.url}/readyz`)).status).toBe(503);
    } finally {
      postgres.start();
    }
    const deadline = Date.now() + 20_000;
    while ((await fetch(`${orbis.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error("not ready again");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const back = await fetch(`${orbis.url}/fr/courses`, { headers: { cookie } });
    expect(back.status).toBe(200);
  });
});
