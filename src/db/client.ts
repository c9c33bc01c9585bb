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
import { DataDirLockedError, lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";
import { DatabaseStartError, reasonOf, withoutPassword } from "./start-error.ts";

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

/** How long opening a PostgreSQL connection, and one statement, may take (config.ts: DB_CONNECT_TIMEOUT_S, DB_STATEMENT_TIMEOUT_S). */
export type DatabaseTimeouts = { connectTimeoutMs: number; statementTimeoutMs: number };

const defaultTimeouts: DatabaseTimeouts = { connectTimeoutMs: 5000, statementTimeoutMs: 30_000 };

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; undefined keeps it in memory (tests). */
  pgliteDir?: string | undefined;
  /** An in-memory database starts from this dump of a data directory (`dumpDataDir`) instead of an empty one: test templates. */
  pgliteDump?: Blob | undefined;
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
  /** Told of every statement the ORM sends: the query-count budgets of pages are pinned with it (tests/e2e/query-budget.e2e.test.ts). */
  onQuery?: (query: string) => void;
};

const observerOf = (onQuery: DatabaseOptions["onQuery"]) => (onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {});

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const timeouts = options.timeouts ?? defaultTimeouts;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, timeouts, options.onQuery);
  return openPglite(options.pgliteDir, options.pgliteDump, timeouts, options.onQuery);
}

/**
 * Connection-level failures, as opposed to a query the database refused: the server is down,
 * restarting, unreachable, out of connections or not answering in time. The HTTP layer answers
 * these 503 with Retry-After; the next request, once the server is back, simply succeeds.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: shutting down, crashed, starting up, too many connections, statement timeout.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "57014",
]);
const unavailableMessages =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|timeout expired|Query read timeout|Client has encountered a connection error and is not queryable|Database did not answer within \d+ ms)$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && unavailableMessages.test(message)) return true;
  }
  return false;
}

/** A readiness probe must answer even when the database does not. */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

type Callback = (error: Error | null, result?: unknown) => void;
const sendQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => Promise<unknown>;
/** The last query handed to each connection, which the next one waits for. */
const lastQuery = new WeakMap<pg.Client, Promise<unknown>>();

/**
 * pg's client with two changes. Queries given to one connection at once (a transaction's
 * `Promise.all`) are sent one after another: pg queues them itself but deprecates that, and pg 9
 * refuses it. And a query that outlives `query_timeout` (a server that stopped answering, which
 * its own statement_timeout cannot catch) closes its connection, so the pool discards it rather
 * than handing out a connection still waiting for an answer.
 */
class SerialClient extends pg.Client {}
SerialClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  // Cursors and streams (Submittables) manage themselves; Orbis does not use them.
  if (typeof (args[0] as { submit?: unknown } | undefined)?.submit === "function") return sendQuery.apply(this, args);
  const callback = typeof args.at(-1) === "function" ? (args.pop() as Callback) : undefined;
  const send = () => sendQuery.apply(this, args);
  const run = (lastQuery.get(this) ?? Promise.resolve()).then(send).catch((error: Error) => {
    if (error.message === "Query read timeout")
      (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    throw error;
  });
  lastQuery.set(
    this,
    run.catch(() => {}),
  );
  if (!callback) return run;
  run.then(
    (result) => callback(null, result),
    (error: Error) => callback(error),
  );
  return undefined;
} as pg.Client["query"];

/** A margin over statement_timeout: the server cancels a slow statement itself; this catches a server that cannot. */
const QUERY_TIMEOUT_MARGIN_MS = 5000;

async function openPostgres(
  url: string,
  max: number,
  timeouts: DatabaseTimeouts,
  onQuery?: DatabaseOptions["onQuery"],
): Promise<DatabaseHandle> {
  // pg-pool uses connectionTimeoutMillis for two waits: opening a connection and waiting for a free
  // one. Only the first is the connect timeout; a burst (a 400-person registration) waits its turn
  // for a busy pool as long as a statement may take, then hears 503.
  const connectTimeoutMs = timeouts.connectTimeoutMs;
  class TimedClient extends SerialClient {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: TimedClient,
    connectionTimeoutMillis: timeouts.statementTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    keepAlive: true,
  });
  // A connection the server drops (restart, failover, a dropped test database) is an 'error'
  // event: on the pool while the connection is idle, on the connection itself while a request
  // holds it. Unhandled, either would end the process; handled, the query in flight fails (the
  // request answers 503), the pool discards the connection and the next query opens a new one.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzlePg(pool, { schema, casing: "snake_case", ...observerOf(onQuery) }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // A connection of its own, without the statement timeout: a migration, or waiting for
      // another server's (several may start at once: one migrates, the others wait), may take long.
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectTimeoutMs });
      client.on("error", () => {});
      try {
        await client.connect();
      } catch (error) {
        throw new DatabaseStartError(
          `Cannot connect to PostgreSQL at ${withoutPassword(url)}: ${reasonOf(error)}. Start it, or correct DATABASE_URL.`,
          {
            cause: error,
          },
        );
      }
      try {
        await client.query("select pg_advisory_lock(7264001)");
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.end().catch(() => {});
      }
    },
    async ping() {
      await withinTime(db.execute(sql`select 1`), timeouts.connectTimeoutMs);
    },
    close: () => pool.end(),
  };
}

async function openPglite(
  dir: string | undefined,
  dump: Blob | undefined,
  timeouts: DatabaseTimeouts,
  onQuery?: DatabaseOptions["onQuery"],
): Promise<DatabaseHandle> {
  const cannotOpen = (error: unknown) =>
    error instanceof DataDirLockedError
      ? error
      : new DatabaseStartError(`Cannot open the embedded database in ${dir}: ${reasonOf(error)}`, { cause: error });
  let release = () => {};
  let client: PGlite;
  try {
    if (dir) release = lockDataDir(dir);
    // pg_trgm: trigram matching in the course catalogue's search (the migrations create it).
    client = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), ...(dump ? { loadDataDir: dump } : {}), extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw dir ? cannotOpen(error) : error;
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case", ...observerOf(onQuery) }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async ping() {
      // One connection: a long transaction holds it, and the probe waits in line behind it.
      await withinTime(client.query("select 1"), timeouts.connectTimeoutMs);
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
