import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { buildApp } from "../../src/http/app.ts";
import type { Mailer, MailMessage } from "../../src/infra/mailer.ts";
import { createLocalFileStorage } from "../../src/infra/storage.ts";
import { createServices, type Services } from "../../src/services.ts";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Keeps sent mail in memory so tests can read the links in it. */
export function createMemoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
  };
}

type TestDatabase = { database: DatabaseHandle; drop(): Promise<void> };

async function openPgliteTestDatabase(): Promise<TestDatabase> {
  return { database: await openDatabase({}), drop: async () => {} };
}

async function onTestServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at TEST_DATABASE_URL=${testDatabaseUrl} (${(error as Error).message}). ` +
        "Start it, point TEST_DATABASE_URL at one, or run the int-pglite project instead.",
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test server, so test files can run in parallel. */
async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const name = `orbis_t_${crypto.randomBytes(6).toString("hex")}`;
  await onTestServer((client) => client.query(`create database "${name}"`));
  const drop = () => onTestServer((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => {});
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return { database: await openDatabase({ databaseUrl: url.toString(), poolSize: 20 }), drop };
}

export type TestRuntime = {
  database: DatabaseHandle;
  services: Services;
  mailer: ReturnType<typeof createMemoryMailer>;
  clock: { now: Date; advance(ms: number): void };
  /** A temporary directory of its own holding uploaded files, removed on close. */
  filesDir: string;
  close(): Promise<void>;
};

/**
 * A migrated, empty database for one test file: in-memory PGlite, or (ORBIS_TEST_DB=postgres)
 * a fresh database on the PostgreSQL server, dropped afterwards.
 */
export async function createTestRuntime(): Promise<TestRuntime> {
  const { database, drop } = process.env.ORBIS_TEST_DB === "postgres" ? await openPostgresTestDatabase() : await openPgliteTestDatabase();
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  const mailer = createMemoryMailer();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-files-"));
  const services = createServices({
    db: database.db,
    mailer,
    config: { publicUrl: "http://orbis.test" },
    storage: createLocalFileStorage(filesDir),
    now: () => clock.now,
  });
  return {
    database,
    services,
    mailer,
    clock,
    filesDir,
    async close() {
      await database.close();
      await drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The HTTP API over a test runtime, for `app.inject()`; no UI build needed. */
export async function createTestApp(runtime: TestRuntime) {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/orbis-test-unused", PUBLIC_URL: "http://orbis.test" });
  return buildApp({ config, services: runtime.services, database: runtime.database });
}
