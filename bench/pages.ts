/**
 * `npm run bench:pages` (build, then `node bench/pages.ts`): requests/s of UNCACHED page rendering,
 * the public pages and the signed-in learner's pages, on embedded PGlite and on PostgreSQL
 * (TEST_DATABASE_URL's server, default postgres://postgres@127.0.0.1/test; skipped when
 * unreachable), demo data, the production build. Anonymous requests carry `cache-control: no-cache`
 * and a cookie-less session so that a render cache in front (when there is one) is bypassed... and
 * the learner's pages are never cached anyway. Prints figures; passes or fails nothing.
 * Options: --duration seconds per page after a 2 s warm-up (5), --connections (8),
 * --only pglite|postgres, --pages comma-separated page names, --profile DIR (the server writes a
 * V8 CPU profile there on exit: `node --cpu-prof`).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { startOrbis } from "../tests/e2e/support.ts";
import { enrolledLearner, json } from "./servers.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "8" },
    only: { type: "string" },
    pages: { type: "string" },
    profile: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

type CourseList = { items: { slug: string }[] };
type Course = { slug: string; syllabus: { lessons: { id: string }[] }[] };
type EventList = { items: { id: string; slug?: string | null }[] };
type Page = { name: string; path: string; signedIn?: boolean };

async function pagesOf(base: string): Promise<{ pages: Page[]; learner: Record<string, string> }> {
  const list = await json<CourseList>(base, "/api/v1/courses?limit=100");
  const courses = await Promise.all(list.items.map((item) => json<Course>(base, `/api/v1/courses/${item.slug}`)));
  const lessonsOf = (course: Course) => course.syllabus.flatMap((m) => m.lessons);
  const course = courses.sort((a, b) => lessonsOf(b).length - lessonsOf(a).length)[0];
  const lesson = course && lessonsOf(course)[0];
  if (!course || !lesson) throw new Error("No demo course with a lesson");
  const events = await json<EventList>(base, "/api/v1/events");
  const event = events.items[0];
  if (!event) throw new Error("No demo event");
  const learner = await enrolledLearner(base, course.slug, "pages bench");
  const pages: Page[] = [
    { name: "home", path: "/en" },
    { name: "catalogue", path: "/en/courses" },
    { name: "search", path: `/en/courses?q=${encodeURIComponent("digital")}` },
    { name: "course", path: `/en/courses/${course.slug}` },
    { name: "events", path: "/en/events" },
    { name: "event", path: `/en/events/${event.slug ?? event.id}` },
    { name: "learner-course", path: `/en/courses/${course.slug}`, signedIn: true },
    { name: "lesson", path: `/en/courses/${course.slug}/learn/${lesson.id}`, signedIn: true },
    { name: "my-learning", path: "/en/learning", signedIn: true },
  ];
  const wanted = values.pages?.split(",");
  return { pages: wanted ? pages.filter((page) => wanted.includes(page.name)) : pages, learner };
}

type Row = { database: string; page: Page; result: autocannon.Result };

async function measureAll(database: string, env: Record<string, string>): Promise<Row[]> {
  const profileEnv: Record<string, string> = values.profile
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${values.profile}`.trim() }
    : {};
  const orbis = await startOrbis({ ...env, ...profileEnv });
  const rows: Row[] = [];
  try {
    const { pages, learner } = await pagesOf(orbis.url);
    for (const page of pages) {
      const headers: Record<string, string> = { "accept-encoding": "gzip", "cache-control": "no-cache", ...(page.signedIn ? learner : {}) };
      const probe = await fetch(`${orbis.url}${page.path}`, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`GET ${page.path} answered ${probe.status}`);
      process.stderr.write(`${database}: measuring ${page.name} GET ${page.path} for ${duration} s...\n`);
      const options = { url: `${orbis.url}${page.path}`, connections, headers };
      await autocannon({ ...options, duration: 2 });
      rows.push({ database, page, result: await autocannon({ ...options, duration }) });
    }
  } finally {
    await orbis.stop();
  }
  return rows;
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL unreachable at ${serverUrl}: ${(error as Error).message}`;
  }
  const name = `orbis_bench_pages_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const rows: Row[] = [];
const skipped: string[] = [];
if (values.only !== "postgres") rows.push(...(await measureAll("PGlite", {})));
if (values.only !== "pglite") {
  const database = await postgresDatabase();
  if (typeof database === "string") skipped.push(database);
  else {
    try {
      rows.push(...(await measureAll("PostgreSQL", { DATABASE_URL: database.url, SEED_DEMO: "always" })));
    } finally {
      await database.drop();
    }
  }
}

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(
  `\nOrbis uncached pages, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores (${cpu}), load average ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `Demo data; ${connections} connections, ${duration} s per page after a 2 s warm-up, gzip accepted, no render cache; server and load generator share the machine.\n`,
);
console.log("| database | page | path | requests/s | p50 ms | p99 ms | errors, non-2xx |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: |");
for (const { database, page, result } of rows) {
  const label = page.signedIn ? `${page.name} (signed in)` : page.name;
  console.log(
    `| ${database} | ${label} | ${page.path} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors}, ${result.non2xx} |`,
  );
}
for (const reason of skipped) console.log(`\nPostgreSQL skipped: ${reason}`);
