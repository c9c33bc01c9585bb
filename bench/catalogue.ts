/**
 * `npm run bench:catalogue`: requests/s of catalogue search and course pages with 10,000 courses
 * (bench/generate-courses.ts) in the embedded database, against the production build. Prints
 * figures; passes or fails nothing. Options: --count courses (10000), --duration seconds measured
 * per target after a 2 s warm-up (8), --connections (20).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startOrbis } from "../tests/e2e/support.ts";
import { benchSlug, generateIntoDataDir } from "./generate-courses.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "20" },
  },
});
const count = Number(values.count);
const duration = Math.min(Number(values.duration), 8);
const connections = Number(values.connections);
const headers = { "accept-encoding": "gzip" };
const q = (text: string) => encodeURIComponent(text);

const targets = [
  { name: "search API, English word", path: `/api/v1/courses?q=${q("pedagogy")}` },
  { name: "search API, Russian stem", path: `/api/v1/courses?q=${q("педагогика")}` },
  { name: "search API, Chinese", path: `/api/v1/courses?q=${q("教学法")}` },
  { name: "search API, Arabic", path: `/api/v1/courses?q=${q("التمريض")}` },
  { name: "list API, no query, filtered", path: "/api/v1/courses?category=tvet&lang=ru" },
  { name: "catalogue page (SSR), search", path: `/en/courses?q=${q("pedagogy")}` },
  { name: "course API", path: `/api/v1/courses/${benchSlug(4242)}` },
  { name: "course page (SSR)", path: `/ru/courses/${benchSlug(4242)}` },
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-bench-catalogue-"));
try {
  process.stderr.write(`generating ${count} courses in ${dataDir}...\n`);
  const started = Date.now();
  await generateIntoDataDir(dataDir, count);
  const generation = (Date.now() - started) / 1000;

  const orbis = await startOrbis({ DATA_DIR: dataDir });
  const rows: string[] = [];
  try {
    for (const target of targets) {
      const url = `${orbis.url}${target.path}`;
      const probe = await fetch(url, { headers });
      const body = await probe.text();
      const total = target.path.startsWith("/api/v1/courses?") ? ` (${(JSON.parse(body) as { total: number }).total} matches)` : "";
      if (probe.status !== 200) {
        rows.push(`| ${target.name}: GET ${target.path} | skipped: answered ${probe.status} | | | |`);
        continue;
      }
      process.stderr.write(`measuring GET ${target.path} for ${duration} s...\n`);
      await autocannon({ url, connections, duration: 2, headers });
      const result = await autocannon({ url, connections, duration, headers });
      rows.push(
        `| ${target.name}${total}: GET ${decodeURIComponent(target.path)} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors}, ${result.non2xx} |`,
      );
    }
  } finally {
    await orbis.stop();
  }

  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(
    `\nOrbis catalogue benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores (${cpu})`,
  );
  console.log(`${count} generated courses plus the demo catalogue in embedded PGlite (generated in ${generation.toFixed(1)} s);`);
  console.log(
    `${connections} connections, ${duration} s per target after a 2 s warm-up, gzip accepted; server and load generator share the machine.\n`,
  );
  console.log("| target | requests/s | p50 ms | p99 ms | errors, non-2xx |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
