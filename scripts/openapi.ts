/**
 * Prints the OpenAPI document the server publishes at /api/openapi.json, without starting a
 * server or a database file: `npm run openapi > openapi.json`, e.g. to diff the API between commits.
 */

import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { buildApp } from "../src/http/app.ts";
import { createLocalFileStorage } from "../src/infra/storage.ts";
import { createServices } from "../src/services.ts";

const config = loadConfig({ NODE_ENV: "test", DATA_DIR: path.join(os.tmpdir(), "orbis-openapi") });
const database = await openDatabase({});
const services = createServices({
  db: database.db,
  mailer: { async send() {} },
  config,
  storage: createLocalFileStorage(path.join(config.dataDir, "files")),
});
const app = await buildApp({ config, services, database, logger: false });
const answer = await app.inject({ url: "/api/openapi.json" });
process.stdout.write(`${JSON.stringify(JSON.parse(answer.body), null, 2)}\n`);
await app.close();
await database.close();
