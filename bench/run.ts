/**
 * `npm run bench`: in one run, requests/s and latency of a bare Fastify route, the public pages
 * served to anonymous readers from the page cache, the same pages rendered every time (the same
 * server restarted with PAGE_CACHE_MB=0), the centres API, and the cold start of the built server
 * on the existing database until /readyz answers. Ratios to the bare route mean something on any
 * machine. Prints figures; passes or fails nothing. Options: --duration seconds per target (5),
 * --connections (8), --data a DATA_DIR already holding the demo data, copied rather than seeded.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { type Server, startBareFastify, startOrbisOn, timeColdStart } from "./servers.ts";

const { values } = parseArgs({
  options: { duration: { type: "string", default: "5" }, connections: { type: "string", default: "8" }, data: { type: "string" } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
// Browsers always accept these, so the figures include compressing what is worth compressing.
const headers = { "accept-encoding": "gzip, br" };

type Row = { name: string; path: string; result?: autocannon.Result; skipped?: string };

async function measure(base: string, name: string, pathname: string): Promise<Row> {
  const url = `${base}${pathname}`;
  process.stderr.write(`measuring ${name}: GET ${pathname} for ${duration} s...\n`);
  const probe = await fetch(url, { headers });
  await probe.arrayBuffer();
  if (probe.status !== 200) return { name, path: pathname, skipped: `answered ${probe.status}` };
  await autocannon({ url, connections, duration: Math.min(2, duration), headers });
  return { name, path: pathname, result: await autocannon({ url, connections, duration, headers }) };
}

/** The public pages, with a course, an event and a programme of the demo data. */
async function publicPages(base: string): Promise<[string, string][]> {
  const first = async (list: string, pattern: RegExp) => pattern.exec(await (await fetch(`${base}${list}`)).text())?.[0];
  const course = await first("/en/courses", /\/en\/courses\/[a-z0-9-]+(?=")/);
  const event = await first("/en/events", /\/en\/events\/[a-z0-9-]+(?=")/);
  const programme = await first("/en/programmes", /\/en\/programmes\/[a-z0-9-]+(?=")/);
  return [
    ["home", "/en"],
    ["centres", "/en/centres"],
    ["catalogue", "/en/courses"],
    ["catalogue search", "/en/courses?q=education"],
    ["course", course ?? "/en/courses/none"],
    ["events", "/en/events"],
    ["event", event ?? "/en/events/none"],
    ["programmes", "/en/programmes"],
    ["programme", programme ?? "/en/programmes/none"],
  ];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-bench-"));
if (values.data) fs.cpSync(values.data, dataDir, { recursive: true });
if (!fs.existsSync(path.resolve(import.meta.dirname, "..", "build", "server", "index.js")))
  throw new Error("No UI build: run `npm run build` first.");
const rows: Row[] = [];
let cold: number[] = [];
const bare: Server = await startBareFastify();
try {
  rows.push(await measure(bare.url, "bare Fastify route", "/bare"));
  let orbis = await startOrbisOn(dataDir);
  const pages = await publicPages(orbis.url);
  for (const [name, page] of pages) rows.push(await measure(orbis.url, `cached ${name}`, page));
  rows.push(await measure(orbis.url, "centres API", "/api/v1/centres"));
  await orbis.stop();
  process.stderr.write("timing cold starts on the existing database...\n");
  cold = [await timeColdStart(dataDir), await timeColdStart(dataDir), await timeColdStart(dataDir)];
  orbis = await startOrbisOn(dataDir, { PAGE_CACHE_MB: "0" });
  for (const [name, page] of pages) rows.push(await measure(orbis.url, `uncached ${name}`, page));
  await orbis.stop();
} finally {
  await bare.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(`\nOrbis benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores (${cpu})`);
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
console.log(
  `${connections} connections, ${duration} s per target after a warm-up, gzip and br accepted; server and load generator share the machine; PGlite with demo data.\n`,
);
const rate = (name: string) => rows.find((row) => row.name === name)?.result?.requests.average;
const bareRate = rate("bare Fastify route");
const ratio = (value: number | undefined, of: number | undefined) => (value && of ? (value / of).toFixed(3) : "n/a");
console.log("| target | requests/s | p50 ms | p99 ms | bytes/response | errors, non-2xx | / bare |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const { name, path: pathname, result, skipped } of rows) {
  const label = `${name}: GET ${pathname}`;
  if (!result) {
    console.log(`| ${label} | skipped: ${skipped} | | | | | |`);
    continue;
  }
  const bytes = result.requests.average ? Math.round(result.throughput.average / result.requests.average) : 0;
  console.log(
    `| ${label} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${bytes} | ${result.errors}, ${result.non2xx} | ${ratio(result.requests.average, bareRate)} |`,
  );
}
console.log("");
for (const row of rows.filter((r) => r.name.startsWith("cached "))) {
  const name = row.name.slice("cached ".length);
  console.log(
    `${name}: cached/bare ${ratio(rate(row.name), bareRate)}, cached/uncached ${ratio(rate(row.name), rate(`uncached ${name}`))}`,
  );
}
const sorted = [...cold].sort((a, b) => a - b);
console.log(
  `\ncold start until /readyz on the existing database: ${sorted.map((ms) => `${ms} ms`).join(", ")} (median ${sorted[1] ?? "n/a"} ms)`,
);
