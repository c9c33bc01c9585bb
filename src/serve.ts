import path from "node:path";
import type { Config } from "./config.ts";
import { buildApp } from "./http/app.ts";
import { loadWebBuild } from "./http/web.ts";
import { openRuntime } from "./runtime.ts";
import { seedDemoIfWanted, seedTargetOf } from "./seed/seed.ts";

const MAIL_JOB_INTERVAL_MS = 60_000;

/** Opens the database, seeds if wanted, loads the UI build and listens until SIGTERM. */
export async function serve(config: Config) {
  const runtime = await openRuntime(config);
  const { database, services } = runtime;
  const seeded = await seedDemoIfWanted(seedTargetOf(runtime), config.seedDemo);
  const web = await loadWebBuild(path.resolve(import.meta.dirname, "..", "build"));
  const app = await buildApp({
    config,
    services,
    database,
    web,
    logger: { level: config.logLevel },
  });

  // Event notices and reminders: claimed with SKIP LOCKED in the database, so every server may run this.
  const mailJobs = setInterval(() => {
    services.events.runMailJobs().catch((error: unknown) => app.log.error({ err: error }, "event mail job failed"));
    // Awards for rules newly met and expiry reminders: idempotent and claimed in the database, so every server may run this too.
    services.certifications.runCertificationJobs().catch((error: unknown) => app.log.error({ err: error }, "certification job failed"));
    // The outbox likewise: what a request's own drain did not send (a crash, a mail server down) goes here.
    services.notifications
      .deliverDue()
      .then((report) => (report.failed ? app.log.warn(report, "mail outbox: messages given up after their last attempt") : undefined))
      .then(() => services.notifications.purgeSent())
      .catch((error: unknown) => app.log.error({ err: error }, "mail outbox job failed"));
    // Course credentials for completions since the last run (one server at a time: an advisory lock).
    services.credentials
      .issueCourseCredentials()
      .then((report) => (report.failed ? app.log.warn(report, "course credentials: some completions could not be issued") : undefined))
      .catch((error: unknown) => app.log.error({ err: error }, "course credentials job failed"));
  }, MAIL_JOB_INTERVAL_MS);
  mailJobs.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(mailJobs);
    app.log.info({ signal }, "shutting down");
    // Stop taking connections, let requests in flight finish and a mail drain end, then release the database.
    await app.close();
    await services.notifications.stop();
    await services.events.noticesDelivered();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  // Mail queued before a restart need not wait for the first minute's job.
  services.notifications.deliverSoon();
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${path.join(config.dataDir, "pglite")}`;
  console.log(`\nOrbis is running at ${config.publicUrl}\nDatabase: ${where}${seeded ? " — demo data loaded" : ""}\n`);
}
