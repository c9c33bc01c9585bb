/**
 * `npm run bench`: requests/s and latency of the home page, the centres API and a bare Fastify
 * route, measured in the same run so their ratios mean something on any machine. Prints figures;
 * passes or fails nothing. Options: --duration seconds per target (10), --connections (20).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { type Server, startBareFastify, startBuiltOrbis } from "./servers.ts";

const { values } = parseArgs({ options: { duration: { type: "string", default: "10" }, connections: { type: "string", default: "20" } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
// Browsers always accept gzip, so the figures include compressing what is worth compressing.
const headers = { "accept-encoding": "gzip" };

type Target = { name: string; server: "orbis" | "bare"; path: string };
type Row = { target: Target; result?: autocannon.Result; skipped?: string };

const targets: Target[] = [
  { name: "home page (SSR)", server: "orbis", path: "/en" },
  { name: "centres API", server: "orbis", path: "/api/v1/centres" },
  { name: "bare Fastify route", server: "bare", path: "/bare" },
];

async function measure(url: string): Promise<Row["result"] | string> {
  const probe = await fetch(url, { headers });
  await probe.arrayBuffer();
  if (probe.status !== 200) return `answered ${probe.status}`;
  await autocannon({ url, connections, duration: Math.min(3, duration), headers });
  return autocannon({ url, connections, duration, headers });
}

const servers: Record<Target["server"], Server> = { orbis: await startBuiltOrbis(), bare: await startBareFastify() };
const rows: Row[] = [];
try {
  for (const target of targets) {
    const url = `${servers[target.server].url}${target.path}`;
    process.stderr.write(`measuring GET ${target.path} for ${duration} s...\n`);
    const outcome = await measure(url);
    rows.push(typeof outcome === "string" ? { target, skipped: outcome } : { target, result: outcome });
  }
} finally {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
}

const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
console.log(`\nOrbis benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores (${cpu})`);
console.log(
  `${connections} connections, ${duration} s per target after a warm-up, gzip accepted; server and load generator share the machine.\n`,
);
console.log("| target | requests/s | p50 ms | p99 ms | bytes/response | errors, non-2xx |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const { target, result, skipped } of rows) {
  const label = `${target.name}: GET ${target.path}`;
  if (!result) {
    console.log(`| ${label} | skipped: ${skipped} | | | | |`);
    continue;
  }
  const bytes = result.requests.average ? Math.round(result.throughput.average / result.requests.average) : 0;
  console.log(
    `| ${label} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${bytes} | ${result.errors}, ${result.non2xx} |`,
  );
}

const rate = (path: string) => rows.find((row) => row.target.path === path)?.result?.requests.average;
const bare = rate("/bare");
console.log("");
for (const [name, path] of [
  ["home/bare", "/en"],
  ["api/bare", "/api/v1/centres"],
] as const) {
  const value = rate(path);
  console.log(`${name}: ${value && bare ? (value / bare).toFixed(3) : "n/a"}`);
}
