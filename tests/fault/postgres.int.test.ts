/**
 * Fault tests: a PostgreSQL server of the test's own is restarted, stopped and frozen while the
 * API process serves writes. The process must survive each (an error on a connection a request
 * holds used to be an unhandled 'error' event that ended it), answer 503 with Retry-After while
 * the database is away, never 500, and recover by itself.
 *
 * Runs in the PostgreSQL lane (it needs the machine's PostgreSQL binaries, which CI installs);
 * outside CI it is skipped with a message when they are missing.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-postgres.ts";

const onPostgresLane = process.env.ORBIS_TEST_DB === "postgres";
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
const bin = postgresBinaries();
if (onPostgresLane && !bin) {
  if (inCi) throw new Error("The fault tests need PostgreSQL's binaries (/usr/lib/postgresql/*/bin) in CI");
  console.warn("Skipping the PostgreSQL fault tests: no /usr/lib/postgresql/*/bin/initdb on this machine");
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Answer = { status: number; retryAfter: string | null; code?: string } | { failed: string };

describe.runIf(onPostgresLane && bin)("the API while its PostgreSQL server restarts, stops and freezes", { timeout: 120_000 }, () => {
  let postgres: ThrowawayPostgres;
  let api: ChildProcess;
  let base: string;
  let output = "";
  let exit: { code: number | null; signal: string | null } | undefined;
  let dataDir: string;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres(bin ?? "");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-fault-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [path.join(import.meta.dirname, "api-server.ts")], {
      env: {
        ...process.env,
        DATABASE_URL: postgres.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: base,
        DATA_DIR: dataDir,
        NODE_ENV: "production",
        LOG_LEVEL: "error",
        DB_CONNECT_TIMEOUT_S: "2",
        DB_STATEMENT_TIMEOUT_S: "3",
        // The load comes from many clients behind a proxy, each with its own address: sign-ups are
        // limited per client (identity/sign-up.ts), and this test is about the database, not that limit.
        TRUST_PROXY: "loopback",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    api.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    api.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    api.once("exit", (code, signal) => {
      exit = { code, signal };
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes("listening")) {
      if (exit) throw new Error(`The API exited on start:\n${output}`);
      if (Date.now() > deadline) throw new Error(`The API did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    if (api && !exit) {
      api.kill("SIGTERM");
      await new Promise((resolve) => api.once("exit", resolve));
    }
    postgres?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let counter = 0;
  /** One write (an account and its session, in one transaction) or one read, as a client sees it. */
  async function call(kind: "write" | "read" | "ready"): Promise<Answer> {
    const init: RequestInit =
      kind === "write"
        ? {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "accept-language": "fr",
              "x-forwarded-for": `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`,
            },
            body: JSON.stringify({
              name: "Load",
              email: `load-${process.pid}-${++counter}@orbis.test`,
              password: "a long enough password",
            }),
          }
        : { headers: { "accept-language": "fr" } };
    const url = kind === "write" ? "/api/v1/auth/sign-up" : kind === "read" ? "/api/v1/courses" : "/readyz";
    try {
      const response = await fetch(`${base}${url}`, { ...init, signal: AbortSignal.timeout(20_000) });
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      return { status: response.status, retryAfter: response.headers.get("retry-after"), code: body.error?.code };
    } catch (error) {
      return { failed: String((error as Error).cause ?? error) };
    }
  }

  /** Clients writing and reading without pause until `stop` is called; every answer is kept. */
  function load(clients = 6) {
    const answers: Answer[] = [];
    let running = true;
    const loops = Array.from({ length: clients }, async (_, i) => {
      while (running) answers.push(await call(i % 3 === 2 ? "read" : "write"));
    });
    return {
      answers,
      async stop() {
        running = false;
        await Promise.all(loops);
        return answers;
      },
    };
  }

  function expectOnly503sAndSuccesses(answers: Answer[]) {
    const failed = answers.filter((a) => "failed" in a);
    expect(failed, "requests the API did not answer at all").toEqual([]);
    const statuses = answers.map((a) => ("status" in a ? a.status : 0));
    expect(
      statuses.filter((s) => s >= 500 && s !== 503),
      `answers: ${JSON.stringify(answers.slice(-20))}`,
    ).toEqual([]);
    for (const answer of answers) {
      if ("status" in answer && answer.status === 503) {
        expect(answer.retryAfter).toMatch(/^\d+$/);
        expect(answer.code).toBe("service_unavailable");
      }
    }
  }

  async function waitUntilReady(ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      const ready = await call("ready");
      if ("status" in ready && ready.status === 200) return;
      if (Date.now() > deadline) throw new Error(`not ready again after ${ms} ms: ${JSON.stringify(ready)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  test("restarted three times under write load: the process survives, nothing is a 500, the next request succeeds", async () => {
    const running = load();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let i = 0; i < 3; i++) {
      postgres.restart();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const answers = await running.stop();
    expect(exit, output).toBeUndefined();
    expectOnly503sAndSuccesses(answers);
    expect(answers.filter((a) => "status" in a && a.status === 202).length).toBeGreaterThan(10);
    // Once the server is back, the first request is served, not refused.
    const first = await call("write");
    expect(first).toMatchObject({ status: 202 });
  });

  test("stopped: 503 with Retry-After and /readyz says so; started again: served again", async () => {
    postgres.stop();
    try {
      for (const kind of ["write", "read"] as const) {
        const answer = await call(kind);
        expect(answer).toMatchObject({ status: 503, code: "service_unavailable", retryAfter: expect.stringMatching(/^\d+$/) });
      }
      expect(await call("ready")).toMatchObject({ status: 503 });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      postgres.start();
    }
    await waitUntilReady(15_000);
    expect(await call("write")).toMatchObject({ status: 202 });
    expect(exit, output).toBeUndefined();
  });

  test("a statement waiting on a lock is cancelled after DB_STATEMENT_TIMEOUT_S: a 503, not a hang", async () => {
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("lock table courses in access exclusive mode");
      const started = Date.now();
      expect(await call("read")).toMatchObject({ status: 503, code: "service_unavailable" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
    expect(await call("read")).toMatchObject({ status: 200 });
  });

  test("frozen under load (SIGSTOP): answers are 503 within the database timeouts, not a hang; thawed: served again", async () => {
    const running = load(4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    postgres.pause();
    const frozenAt = Date.now();
    try {
      const started = Date.now();
      const ready = await call("ready");
      expect(ready).toMatchObject({ status: 503 });
      expect(Date.now() - started).toBeLessThan(6000);
      const write = await call("write");
      expect(write).toMatchObject({ status: 503 });
      expect(Date.now() - frozenAt).toBeLessThan(20_000);
    } finally {
      postgres.resume();
    }
    const answers = await running.stop();
    expectOnly503sAndSuccesses(answers);
    await waitUntilReady(15_000);
    expect(await call("write")).toMatchObject({ status: 202 });
    expect(exit, output).toBeUndefined();
  });
});
