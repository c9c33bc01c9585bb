import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { buildApp } from "../../src/http/app.ts";
import { loadWebBuild } from "../../src/http/web.ts";
import { createLocalFileStorage } from "../../src/infra/storage.ts";
import { createServices } from "../../src/services.ts";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * The production app and UI build in this process, on a copy of a seeded data directory (the e2e
 * suite's template), telling which statements each request sends to the database. Requests go one
 * at a time through `inject`, so every statement seen between a request and its answer is that
 * request's: there is no mail job or other request beside it.
 */
export type PageQueries = {
  app: FastifyInstance;
  /** The statements GET `url` sent, with its status. */
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; queries: string[]; body: string }>;
  close(): Promise<void>;
};

export async function openPageQueries(seededDataDir: string): Promise<PageQueries> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-queries-"));
  fs.cpSync(seededDataDir, dataDir, { recursive: true });
  let seen: string[] = [];
  const database: DatabaseHandle = await openDatabase({ pgliteDir: path.join(dataDir, "pglite"), onQuery: (query) => seen.push(query) });
  await database.migrate();
  // Rendering itself is counted: the anonymous page cache in front (tested on its own) is off.
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: "production", PUBLIC_URL: "http://orbis.test", PAGE_CACHE_MB: "0" });
  const services = createServices({
    db: database.db,
    mailer: { send: async () => {} },
    config,
    storage: createLocalFileStorage(path.join(dataDir, "files")),
  });
  const web = await loadWebBuild(path.join(root, "build"));
  const app = await buildApp({ config, services, database, web });
  return {
    app,
    async get(url, headers = {}) {
      seen = [];
      const response = await app.inject({ method: "GET", url, headers });
      const queries = seen;
      seen = [];
      return { status: response.statusCode, queries, body: response.body };
    },
    async close() {
      await app.close();
      await services.notifications.stop();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
