/**
 * `npm run bench:registration`: many people register for one event at the same moment, through
 * the HTTP API (in-process `inject`, so the figures are the server's, not a network's), on an
 * in-memory PGlite and on PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1/test;
 * skipped when unreachable). Prints throughput and latency, and when the last confirmation mail went
 * (mail is sent after the answer); checks the outcome (exactly `capacity` registered, the rest
 * waiting, no 5xx, one mail each). Options: --people (2000), --capacity (400), --only pglite|postgres, --pool (20).
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { apiTokens, users } from "../src/db/schema.ts";
import { buildApp } from "../src/http/app.ts";
import { createLocalFileStorage } from "../src/infra/storage.ts";
import { createServices } from "../src/services.ts";
import { eventInput } from "../tests/factories/events.ts";
import { createCentre, secretariat } from "../tests/factories/network.ts";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "2000" },
    capacity: { type: "string", default: "400" },
    only: { type: "string" },
    pool: { type: "string", default: "20" },
  },
});
const people = Number(values.people);
const capacity = Number(values.capacity);
const poolSize = Number(values.pool);
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function burst(database: DatabaseHandle) {
  await database.migrate();
  const sent: unknown[] = [];
  const services = createServices({
    db: database.db,
    mailer: { send: async (m) => void sent.push(m) },
    config: { publicUrl: "http://bench.test" },
    storage: createLocalFileStorage("/tmp/orbis-bench-files"),
  });
  const app = await buildApp({ config: loadConfig({ DATA_DIR: "/tmp/orbis-bench-unused" }), services, database });
  const centre = await createCentre(services, { country: "KG" });
  const event = await services.events.createEvent(secretariat(), { ...eventInput(centre.id, new Date()), capacity }, "en");
  const rows = await database.db
    .insert(users)
    .values(Array.from({ length: people }, (_, i) => ({ email: `bench-${i}@bench.test`, name: `Bench ${i}`, passwordHash: "x" })))
    .returning({ id: users.id });
  const tokens = rows.map(() => `orbis_${crypto.randomBytes(32).toString("base64url")}`);
  await database.db.insert(apiTokens).values(
    rows.map((row, i) => ({
      userId: row.id,
      name: "bench",
      tokenHash: crypto.createHash("sha256").update(tokens[i]!).digest("hex"),
      expiresAt: new Date("2100-01-01T00:00:00Z"),
    })),
  );

  const started = performance.now();
  const results = await Promise.all(
    tokens.map(async (token) => {
      const t0 = performance.now();
      const response = await app.inject({
        method: "POST",
        url: `/api/v1/events/${event.id}/registration`,
        headers: { authorization: `Bearer ${token}` },
      });
      return { ms: performance.now() - t0, status: response.statusCode, body: response.json() as { status: string } };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // The notices are queued on the outbox by the events drain; the outbox sends them.
  await services.events.noticesDelivered();
  await services.notifications.deliverDue();
  const mailedSeconds = (performance.now() - started) / 1000;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const registered = results.filter((r) => r.body.status === "registered").length;
  const waitlisted = results.filter((r) => r.body.status === "waitlisted").length;
  const errors = results.filter((r) => r.status >= 500).length;
  await app.close();
  return {
    seconds,
    mailedSeconds,
    perSecond: people / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    registered,
    waitlisted,
    errors,
    mails: sent.length,
  };
}

async function onPostgres() {
  const name = `orbis_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  try {
    return await burst(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPglite() {
  const database = await openDatabase({});
  try {
    return await burst(database);
  } finally {
    await database.close();
  }
}

const rows: [string, Awaited<ReturnType<typeof burst>> | null][] = [];
if (values.only !== "postgres") rows.push(["PGlite (in memory)", await onPglite()]);
if (values.only !== "pglite") rows.push([`PostgreSQL (pool of ${poolSize})`, await onPostgres()]);
console.log(
  `\nOrbis registration burst, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${people} people, ${capacity} places\n`,
);
console.log("| database | requests/s | p50 ms | p99 ms | total s | last mail s | registered | waitlisted | 5xx | mails |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [label, r] of rows) {
  if (!r) {
    console.log(`| ${label} | not reachable | | | | | | | | |`);
    continue;
  }
  console.log(
    `| ${label} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.mailedSeconds.toFixed(1)} | ${r.registered} | ${r.waitlisted} | ${r.errors} | ${r.mails} |`,
  );
  if (r.registered !== capacity || r.waitlisted !== people - capacity || r.errors || r.mails !== people) process.exitCode = 1;
}
