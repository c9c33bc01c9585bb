import crypto from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/client.ts";
import type { Actor } from "../../src/domain/shared/actor.ts";
import { buildApp } from "../../src/http/app.ts";
import type { Mailer, MailMessage } from "../../src/infra/mailer.ts";
import { createLocalFileStorage } from "../../src/infra/storage.ts";
import { demoPassword } from "../../src/seed/people.ts";
import { type SeedTarget, seedDemoIfWanted } from "../../src/seed/seed.ts";
import { createServices, type Services } from "../../src/services.ts";
import { openTestDatabase, type TestDatabase } from "./templates.ts";

export { testDatabaseUrl } from "./templates.ts";

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

const publicUrl = "http://orbis.test";

/** Encrypts the test databases' credential signing keys. */
export const testKeySecret = crypto.randomBytes(32);

/**
 * Where every test's clock starts (tests move it with `advance`), so no test depends on the day it
 * runs. After every fixed date the demo data records as past (the latest in December 2025), and
 * before every date fixtures write as the future (the demo cohorts of 2027, the events and
 * cohorts tests make in 2030 and 2031), so those stay upcoming for good. At 09:00
 * UTC it is Monday 2 March in every zone from UTC-9 to UTC+14, so a test's "today" is the same
 * date wherever its events are held.
 */
export const testClockStart = new Date("2026-03-02T09:00:00.000Z");

export type TestRuntime = {
  database: DatabaseHandle;
  services: Services;
  mailer: ReturnType<typeof createMemoryMailer>;
  clock: { now: Date; advance(ms: number): void };
  /**
   * Sends the mail services queued, as the server's drain would, and waits for it: read
   * `mailer.sent` after this, since a service call returns before its mail goes.
   */
  deliverMail(): Promise<void>;
  /** A temporary directory of its own holding uploaded files, removed on close. */
  filesDir: string;
  close(): Promise<void>;
};

/**
 * A database of one test file's own, copied from this run's template (tests/support/templates.ts):
 * migrated and empty, or with the demo data and its files (`demo: true`). In-memory PGlite, or
 * (ORBIS_TEST_DB=postgres) a database on the PostgreSQL server, dropped afterwards.
 */
export async function createTestRuntime(options: { demo?: boolean } = {}): Promise<TestRuntime> {
  return runtimeOn(await openTestDatabase(options.demo ? "demo" : "migrated", seedDemo));
}

/** The demo template is seeded as a server seeds an empty database, through the services. */
async function seedDemo(target: TestDatabase): Promise<void> {
  await seedDemoIfWanted(seedTargetOf(runtimeOn(target)), "auto");
}

function runtimeOn(target: TestDatabase): TestRuntime {
  const { database, filesDir } = target;
  const mailer = createMemoryMailer();
  const clock = {
    now: testClockStart,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const services = createServices({
    db: database.db,
    mailer,
    config: { publicUrl },
    storage: createLocalFileStorage(filesDir),
    now: () => clock.now,
    keySecret: testKeySecret,
  });
  return {
    database,
    services,
    mailer,
    clock,
    filesDir,
    async deliverMail() {
      await services.notifications.deliverDue();
    },
    async close() {
      // The services' background work ends before the database closes.
      await services.notifications.stop();
      await services.events.noticesDelivered();
      await target.release();
    },
  };
}

/** The test runtime's database, files and clock, for the demo seed. */
export function seedTargetOf(runtime: Pick<TestRuntime, "database" | "services" | "clock">): SeedTarget {
  return { db: runtime.database.db, storage: runtime.services.media.storage, publicUrl, now: () => runtime.clock.now };
}

/** A demo account signed in with the demo password, as the actor its session resolves to. */
export async function signInDemo(runtime: TestRuntime, email: string): Promise<Actor> {
  return (await runtime.services.identity.signIn({ email, password: demoPassword, clientKey: "" })).actor;
}

/** The HTTP API over a test runtime, for `app.inject()`; no UI build needed. */
export async function createTestApp(runtime: TestRuntime) {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/orbis-test-unused", PUBLIC_URL: publicUrl });
  return buildApp({ config, services: runtime.services, database: runtime.database });
}
