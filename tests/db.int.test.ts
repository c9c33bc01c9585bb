import fs from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { createTestRuntime, type TestRuntime, testDatabaseUrl } from "./support/runtime.ts";

const journal = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "..", "src", "db", "migrations", "meta", "_journal.json"), "utf8"),
) as {
  entries: unknown[];
};
const onPostgres = process.env.ORBIS_TEST_DB === "postgres";

let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await createTestRuntime();
});

afterAll(async () => {
  await runtime?.close();
});

/** Both drivers answer with `{ rows }`; the shared Database type leaves the result untyped. */
async function firstRow<T>(handle: TestRuntime, query: SQL): Promise<T | undefined> {
  const result = (await handle.database.db.execute(query)) as { rows: T[] };
  return result.rows[0];
}

const appliedMigrations = async (handle: TestRuntime) =>
  (await firstRow<{ count: number }>(handle, sql`select count(*)::int as count from drizzle.__drizzle_migrations`))?.count;
const databaseName = async (handle: TestRuntime) =>
  (await firstRow<{ name: string }>(handle, sql`select current_database() as name`))?.name;

describe("test database", () => {
  it("is the engine this project asked for, and answers", async () => {
    expect(runtime.database.kind).toBe(onPostgres ? "postgres" : "pglite");
    await expect(runtime.database.ping()).resolves.toBeUndefined();
  });

  it("has every migration applied, and migrating again applies none twice", async () => {
    expect(await appliedMigrations(runtime)).toBe(journal.entries.length);
    await runtime.database.migrate();
    expect(await appliedMigrations(runtime)).toBe(journal.entries.length);
  });

  it.runIf(onPostgres)("is a database of its own, dropped on close", async () => {
    const other = await createTestRuntime();
    const name = await databaseName(other);
    expect(name).not.toBe(await databaseName(runtime));
    await other.close();
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    const left = await admin.query("select 1 from pg_database where datname = $1", [name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});

describe.runIf(onPostgres)("the PostgreSQL pool", () => {
  it("queues requests while every connection is busy, beyond the connect timeout, instead of failing them", async () => {
    // The connect timeout bounds opening a connection to a server that does not answer; a burst of
    // requests waiting for a busy pool (a 400-person registration) must wait their turn, not get a 503.
    const handle = await openDatabase({
      databaseUrl: testDatabaseUrl,
      poolSize: 2,
      timeouts: { connectTimeoutMs: 300, statementTimeoutMs: 10_000 },
    });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => handle.db.execute(sql`select ${i}::int as n, pg_sleep(0.4)`)));
      expect(answers).toHaveLength(6);
    } finally {
      await handle.close();
    }
  });
});
