import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** An open transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Where a query may run: the database itself, or inside a caller's transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(import.meta.dirname, "migrations");

/**
 * Runs `work` in one transaction that first takes the advisory lock `key` until it ends, so the
 * same work started by several servers at once on one PostgreSQL runs one at a time (PGlite has a
 * single connection: nothing runs beside it there). For writes that check what is there before
 * adding to it, such as the demo seed.
 */
export function lockedTransaction<T>(db: Database, key: number, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    return work(tx);
  });
}

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; undefined keeps it in memory (tests). */
  pgliteDir?: string | undefined;
  /** An in-memory database starts from this dump of a data directory (`dumpDataDir`) instead of an empty one: test templates. */
  pgliteDump?: Blob | undefined;
  poolSize?: number;
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir, options.pgliteDump);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover, a dropped test database) is an
  // 'error' event on the pool; the pool discards that client and the next query reconnects,
  // so it must not crash the process as an unhandled event.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // Several app servers may start at once: one migrates, the others wait for it.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(7264001)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock(7264001)").catch(() => {});
        client.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string | undefined, dump: Blob | undefined): Promise<DatabaseHandle> {
  const release = dir ? lockDataDir(dir) : () => {};
  let client: PGlite;
  try {
    // pg_trgm: trigram matching in the course catalogue's search (the migrations create it).
    client = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), ...(dump ? { loadDataDir: dump } : {}), extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async ping() {
      await client.query("select 1");
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
