import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type RunningOrbis = { url: string; dataDir: string; stop(): Promise<void> };

/**
 * Starts the production server (needs `npm run build` first) on a free port with its own
 * embedded database and demo data, as `npm start` would (from a copy of the suite's seeded
 * template when there is one).
 */
export async function startOrbis(env: Record<string, string> = {}): Promise<RunningOrbis> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-e2e-"));
  // The suite's seeded template (tests/e2e/global-setup.ts), unless the test asks for its own data.
  const template = process.env.ORBIS_E2E_TEMPLATE;
  if (template && !("SEED_DEMO" in env) && !("DATA_DIR" in env)) fs.cpSync(template, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "src", "server.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Orbis exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok && output.includes("Orbis is running")) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`Orbis did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Saves a screenshot under tests/e2e/screenshots (ignored by git) for a person to look at. */
export async function screenshot(page: Page, name: string) {
  const dir = path.join(root, "tests", "e2e", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Signs in through the real form (CSRF field, cookie and all) and waits until the header shows
 * the account link; fails with the form's own message when the credentials are refused.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, locale = "en") {
  await page.goto(`${baseUrl}/${locale}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main button[type="submit"]').click();
  const signedIn = page.locator(`.account-nav a[href="/${locale}/account"]`);
  const refused = page.locator(".form-error");
  // Attached rather than visible: on a phone the account links sit in the folded menu.
  await signedIn.or(refused).first().waitFor({ state: "attached" });
  if (await refused.isVisible()) throw new Error(`Sign-in as ${email} failed: ${await refused.textContent()}`);
}

export type E2eSession = {
  readonly url: string;
  readonly dataDir: string;
  readonly browser: Browser;
  /** A page in a fresh browser context (no cookies), sized like a small laptop unless told otherwise. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
};

/**
 * One Orbis server and one Chromium for a whole test file: started before its tests, stopped
 * after them. Call at the top level of the file; the getters work inside tests and hooks.
 */
export function useOrbisAndBrowser(env: Record<string, string> = {}): E2eSession {
  let orbis: RunningOrbis | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [server, launched] = await Promise.allSettled([startOrbis(env), launchBrowser()]);
    orbis = server.status === "fulfilled" ? server.value : undefined;
    browser = launched.status === "fulfilled" ? launched.value : undefined;
    if (server.status === "rejected") throw server.reason;
    if (launched.status === "rejected") throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await orbis?.stop();
  });
  const started = () => {
    if (!orbis || !browser) throw new Error("Orbis and Chromium run only during the file's tests");
    return { orbis, browser };
  };
  return {
    get url() {
      return started().orbis.url;
    },
    get dataDir() {
      return started().orbis.dataDir;
    },
    get browser() {
      return started().browser;
    },
    async newPage(options = {}) {
      const context = await started().browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
      return context.newPage();
    },
  };
}
