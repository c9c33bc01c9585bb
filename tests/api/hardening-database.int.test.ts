/**
 * A database that is not there, or that does not answer: the API says 503 with Retry-After,
 * translated, in bounded time, and /readyz says so too. (A real PostgreSQL restarted and paused
 * under load is tests/fault/postgres.int.test.ts.)
 */
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { buildApp } from "../../src/http/app.ts";
import errorsFr from "../../src/i18n/messages/errors/fr.ts";
import httpFr from "../../src/i18n/messages/http/fr.ts";
import { createLocalFileStorage } from "../../src/infra/storage.ts";
import { createServices } from "../../src/services.ts";
import { createMemoryMailer, testDatabaseUrl } from "../support/runtime.ts";

const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/orbis-test-unused",
  PUBLIC_URL: "http://orbis.test",
  DB_CONNECT_TIMEOUT_S: "1",
});

async function apiOn(databaseUrl: string): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const database = await openDatabase({ databaseUrl, timeouts: config.database });
  const services = createServices({
    db: database.db,
    mailer: createMemoryMailer(),
    config,
    storage: createLocalFileStorage("/tmp/orbis-test-unused/files"),
  });
  return { app: await buildApp({ config, services, database }), database };
}

function expectUnavailable(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown; body: string }) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers["retry-after"]).toMatch(/^\d+$/);
  expect(response.json()).toEqual({ error: { code: "service_unavailable", message: httpFr["error.service_unavailable"] } });
}

describe("a database server that refuses connections", () => {
  let api: Awaited<ReturnType<typeof apiOn>>;
  beforeAll(async () => {
    api = await apiOn("postgres://127.0.0.1:1/gone");
  });
  afterAll(async () => {
    await api.app.close();
    await api.database.close();
  });

  test("reads and writes are a translated 503 with Retry-After, not a 500", async () => {
    const headers = { "accept-language": "fr" };
    expectUnavailable(await api.app.inject({ url: "/api/v1/courses", headers }));
    expectUnavailable(
      await api.app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers, payload: { email: "a@b.c", password: "x", name: "n" } }),
    );
  });

  test("so is a signed-in request, whose session cannot be looked up", async () => {
    expectUnavailable(
      await api.app.inject({ url: "/api/v1/me", headers: { "accept-language": "fr", cookie: "orbis_session=some-session-token" } }),
    );
  });

  test("/readyz says 503, /healthz that the process is up", async () => {
    const ready = await api.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers["retry-after"]).toMatch(/^\d+$/);
    expect((await api.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });

  test("the generic 500 message is not what people read", () => {
    expect(httpFr["error.service_unavailable"]).not.toBe(errorsFr["error.internal"]);
  });
});

describe("a database server that accepts connections and never answers", () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  let api: Awaited<ReturnType<typeof apiOn>>;
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    api = await apiOn(`postgres://orbis@127.0.0.1:${(silent.address() as net.AddressInfo).port}/silent`);
  });
  afterAll(async () => {
    await api.app.close();
    await api.database.close().catch(() => {});
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test("a request is answered 503 within the connect timeout instead of hanging", async () => {
    const started = Date.now();
    expectUnavailable(await api.app.inject({ url: "/api/v1/courses", headers: { "accept-language": "fr" } }));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("/readyz answers 503 within seconds", async () => {
    const started = Date.now();
    const ready = await api.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("starting the server without its database", { timeout: 60_000 }, () => {
  /** src/server.ts as an operator starts it; it stops before needing the UI build. */
  function startServer(env: Record<string, string>) {
    const child = spawn(process.execPath, [path.resolve("src/server.ts")], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
        PORT: "0",
        SEED_DEMO: "never",
        DB_CONNECT_TIMEOUT_S: "2",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    return new Promise<{ code: number | null; err: string }>((resolve) => child.once("exit", (code) => resolve({ code, err })));
  }

  test("PostgreSQL not running: one clear line (no password, no stack trace) and exit code 69", async () => {
    const { code, err } = await startServer({
      DATABASE_URL: "postgres://orbis:secret@127.0.0.1:1/orbis",
      DATA_DIR: "/tmp/orbis-test-unused",
    });
    expect(code).toBe(69);
    expect(err.trim().split("\n")).toEqual([
      expect.stringMatching(/^Cannot connect to PostgreSQL at postgres:\/\/orbis:\*\*\*@127\.0\.0\.1:1\/orbis: .*ECONNREFUSED/),
    ]);
    expect(err).not.toContain("secret");
  });

  test("an embedded database that cannot be opened: one clear line and exit code 69", async () => {
    // DATA_DIR under a file: no directory can be made there.
    const { code, err } = await startServer({ DATA_DIR: path.resolve("package.json", "data") });
    expect(code).toBe(69);
    expect(err.trim().split("\n")).toEqual([
      expect.stringMatching(/^Cannot open the embedded database in .*package\.json\/data\/pglite: .*ENOTDIR/),
    ]);
  });
});

describe.runIf(process.env.ORBIS_TEST_DB === "postgres")("queries on one PostgreSQL connection", () => {
  test("queries started together in a transaction run one after another, without pg's deprecation warning", async () => {
    // A fresh process: Node prints a deprecation once per process, and this worker may have seen it.
    const script = [
      `import { sql } from "drizzle-orm";`,
      `import { openDatabase } from ${JSON.stringify(path.resolve("src/db/client.ts"))};`,
      `const database = await openDatabase({ databaseUrl: process.argv[1] });`,
      `const rows = await database.db.transaction((tx) => Promise.all([1, 2, 3].map((n) => tx.execute(sql\`select \${n}::int as n, pg_sleep(0.05)\`))));`,
      "console.log(JSON.stringify(rows.map((r) => r.rows[0].n)));",
      "await database.close();",
    ].join("\n");
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, testDatabaseUrl], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code, err).toBe(0);
    expect(out.trim()).toBe("[1,2,3]");
    expect(err).not.toContain("DeprecationWarning");
  });
});
