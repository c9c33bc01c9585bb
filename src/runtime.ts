import path from "node:path";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { resolveKeySecret } from "./infra/key-secret.ts";
import { createMailer } from "./infra/mailer.ts";
import { createLocalFileStorage } from "./infra/storage.ts";
import { createServices, type Services } from "./services.ts";

export type Runtime = { config: Config; database: DatabaseHandle; services: Services };

/** Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, builds services. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, "pglite"),
    timeouts: config.database,
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, "outbox") });
  const services = createServices({
    db: database.db,
    mailer,
    config,
    storage: createLocalFileStorage(path.join(config.dataDir, "files")),
    uploadLimits: { video: config.maxVideoUploadBytes },
    keySecret: resolveKeySecret(config, (message) => process.emitWarning(message)),
  });
  return { config, database, services };
}
