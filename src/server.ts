import path from "node:path";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { seedDemoIfWanted } from "./db/seed.ts";
import { buildApp } from "./http/app.ts";
import { loadWebBuild } from "./http/web.ts";
import { openRuntime } from "./runtime.ts";

async function main() {
  const config = loadConfig();
  // React and other libraries pick their production builds from this; it must be set before the UI build loads.
  process.env.NODE_ENV = config.env;
  const { database, services } = await openRuntime(config);
  const seeded = await seedDemoIfWanted(database.db, services, config.seedDemo);
  const web = await loadWebBuild(path.resolve(import.meta.dirname, "..", "build"));
  const app = await buildApp({
    config,
    services,
    database,
    web,
    logger: { level: config.logLevel },
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    // Stop taking connections, let requests in flight finish, then release the database.
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${path.join(config.dataDir, "pglite")}`;
  console.log(`\nOrbis is running at ${config.publicUrl}\nDatabase: ${where}${seeded ? " — demo data loaded" : ""}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
