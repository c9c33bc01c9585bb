import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { buildApp } from "../../src/http/app.ts";
import type { Mailer, MailMessage } from "../../src/infra/mailer.ts";
import { createLocalFileStorage } from "../../src/infra/storage.ts";
import { seedDemoIfWanted } from "../../src/seed/seed.ts";
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
  const { database, services, settle } = runtimeOn(target);
  try {
    await seedDemoIfWanted(database.db, services, "auto");
  } finally {
    await settle();
  }
}

function runtimeOn(target: TestDatabase): TestRuntime & { settle(): Promise<void> } {
  const { database, filesDir } = target;
  const mailer = createMemoryMailer();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const services = createServices({
    db: database.db,
    mailer,
    config: { publicUrl: "http://orbis.test" },
    storage: createLocalFileStorage(filesDir),
    now: () => clock.now,
  });
  /** Lets the services' background work end before the database closes. */
  async function settle() {
    await services.notifications.stop();
    await services.events.noticesDelivered();
  }
  return {
    database,
    services,
    mailer,
    clock,
    filesDir,
    settle,
    async deliverMail() {
      await services.notifications.deliverDue();
    },
    async close() {
      await settle();
      await target.release();
    },
  };
}

/** The HTTP API over a test runtime, for `app.inject()`; no UI build needed. */
export async function createTestApp(runtime: TestRuntime) {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/orbis-test-unused", PUBLIC_URL: "http://orbis.test" });
  return buildApp({ config, services: runtime.services, database: runtime.database });
}
