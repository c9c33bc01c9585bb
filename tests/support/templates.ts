/**
 * Template databases for the integration projects. Creating an embedded database from nothing
 * (initdb), migrating it and seeding the demo data cost seconds each, in every test file; so the
 * first file of a run that needs a template builds it and every file then starts from a copy:
 * PGlite from a dump of the template's data directory, PostgreSQL by `create database ... template`.
 *
 * Templates live only as long as one run of a Vitest project (tests/support/global-setup.ts makes
 * their directory and removes it, dropping the PostgreSQL ones), so they are always built from the
 * migrations and seed code being tested: nothing is cached between runs that could go stale.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { DataDirLockedError, lockDataDir } from "../../src/db/lock.ts";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A migrated empty database, or one that also holds the demo data (and its uploaded files). */
export type TemplateKind = "migrated" | "demo";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's template directory and the id in its PostgreSQL template names (global-setup.ts). */
    testTemplates: { dir: string; id: string };
  }
}

/** A database and the uploaded files that go with it, and what closing them means. */
export type TestDatabase = { database: DatabaseHandle; filesDir: string; release(): Promise<void> };

/** Loads the demo data into a template being built, leaving it open (runtime.ts supplies it: it needs services). */
export type Seeder = (target: TestDatabase) => Promise<void>;

type Engine = {
  /** Whether template `kind` of this run is complete. */
  built(kind: TemplateKind): boolean;
  /**
   * A database copied from template `from`, or empty without one; with `saveAs`, releasing it makes
   * it that template, otherwise it is the test file's own and releasing throws it away.
   */
  open(from: TemplateKind | undefined, saveAs?: TemplateKind): Promise<TestDatabase>;
};

export const postgresTemplateName = (id: string, kind: TemplateKind) => `orbis_tpl_${id}_${kind}`;

const templatesDir = () => {
  const provided = inject("testTemplates");
  if (!provided) throw new Error("No template directory: run integration tests through a project of vitest.config.ts.");
  return provided;
};
const filesOf = (kind: TemplateKind) => path.join(templatesDir().dir, `${engineName()}-${kind}-files`);
const engineName = () => (process.env.ORBIS_TEST_DB === "postgres" ? "postgres" : "pglite");

/** The uploads directory of a test file's database (or of the template being built), holding a copy of template `from`'s. */
function filesFrom(from: TemplateKind | undefined, saveAs: TemplateKind | undefined): string {
  if (saveAs) {
    fs.mkdirSync(filesOf(saveAs));
    if (from) fs.cpSync(filesOf(from), filesOf(saveAs), { recursive: true });
    return filesOf(saveAs);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-files-"));
  if (from) fs.cpSync(filesOf(from), dir, { recursive: true });
  return dir;
}

const pglite: Engine = {
  built: (kind) => fs.existsSync(path.join(templatesDir().dir, `pglite-${kind}.tar`)),
  async open(from, saveAs) {
    const dump = from ? new Blob([fs.readFileSync(path.join(templatesDir().dir, `pglite-${from}.tar`))]) : undefined;
    const database = await openDatabase({ pgliteDump: dump });
    const filesDir = filesFrom(from, saveAs);
    if (!saveAs) {
      return { database, filesDir, release: () => database.close().finally(() => fs.rmSync(filesDir, { recursive: true, force: true })) };
    }
    const tar = path.join(templatesDir().dir, `pglite-${saveAs}.tar`);
    return {
      database,
      filesDir,
      async release() {
        try {
          // Uncompressed: loading it is what every test file pays, and gzip only makes that slower.
          const data = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
          // Written aside, then renamed: the tar file's existence is what tells other workers it is ready.
          fs.writeFileSync(`${tar}.part`, new Uint8Array(await data.arrayBuffer()));
          fs.renameSync(`${tar}.part`, tar);
        } finally {
          await database.close();
        }
      },
    };
  },
};

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

export const dropPostgresDatabase = (name: string) =>
  onTestServer((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => {});

const postgres: Engine = {
  built: (kind) => fs.existsSync(path.join(templatesDir().dir, `postgres-${kind}.ready`)),
  async open(from, saveAs) {
    const { id, dir } = templatesDir();
    // Test files get a database of their own each, so they can run in parallel.
    const name = saveAs ? postgresTemplateName(id, saveAs) : `orbis_t_${crypto.randomBytes(6).toString("hex")}`;
    const template = from ? ` template "${postgresTemplateName(id, from)}"` : "";
    await onTestServer((client) => client.query(`create database "${name}"${template}`));
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
    const filesDir = filesFrom(from, saveAs);
    if (!saveAs) {
      return {
        database,
        filesDir,
        release: () =>
          database
            .close()
            .then(() => dropPostgresDatabase(name))
            .finally(() => fs.rmSync(filesDir, { recursive: true, force: true })),
      };
    }
    return {
      database,
      filesDir,
      async release() {
        // A template must have no connections left when databases are created from it.
        await database.close();
        fs.writeFileSync(path.join(dir, `postgres-${saveAs}.ready`), name);
      },
    };
  },
};

const engine = () => (engineName() === "postgres" ? postgres : pglite);

/**
 * Builds template `kind` unless it is built already or being built by another worker, whom it
 * then waits for. The lock (src/db/lock.ts) names the building process, so a worker that died
 * half way is taken over rather than waited for forever.
 */
async function ensureTemplate(kind: TemplateKind, seed: Seeder): Promise<void> {
  const lock = path.join(templatesDir().dir, `${engineName()}-${kind}.lock`);
  while (!engine().built(kind)) {
    let release: () => void;
    try {
      release = lockDataDir(lock);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!engine().built(kind)) await buildTemplate(kind, seed);
    } finally {
      release();
    }
  }
}

async function buildTemplate(kind: TemplateKind, seed: Seeder): Promise<void> {
  // A builder that died left its half-made template behind; start again from nothing.
  fs.rmSync(filesOf(kind), { recursive: true, force: true });
  if (engineName() === "postgres") await dropPostgresDatabase(postgresTemplateName(templatesDir().id, kind));
  if (kind === "demo") await ensureTemplate("migrated", seed);
  const target = await engine().open(kind === "demo" ? "migrated" : undefined, kind);
  try {
    if (kind === "demo") await seed(target);
    else await target.database.migrate();
  } catch (error) {
    await target.database.close();
    throw error;
  }
  await target.release();
}

/** A database of the test file's own, copied from template `kind` of this run (built first if need be). */
export async function openTestDatabase(kind: TemplateKind, seed: Seeder): Promise<TestDatabase> {
  await ensureTemplate(kind, seed);
  return engine().open(kind);
}
