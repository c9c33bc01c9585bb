/**
 * `npm test`: every check CI makes, then one summary. Run a subset by naming steps:
 * `npm test -- unit int-pglite`. A failing step does not stop the others (except e2e after a failed
 * build), so one run shows everything that is wrong; the exit code is non-zero if any step failed.
 *
 * The steps run in two lanes at once, so two cores are kept busy: the type check, lint, unit tests
 * and both integration suites beside the build and browser journeys (the longest step), each lane
 * taking about as long.
 * The second lane's output is held back and printed as each of its steps ends, so the log stays readable.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { coverageArgs, coverageSummary } from "./coverage.ts";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "node_modules", ".bin");
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Counts = { passed: number; failed: number; skipped: number };
type Outcome = { status: "passed" | "failed" | "skipped"; note?: string; counts?: Counts };
/** Where a step's output goes: straight to the terminal, or into a buffer printed later. */
type Output = { write(chunk: Buffer | string): void } | "inherit";
type Step = {
  name: string;
  describe: string;
  lane: "checks" | "integration";
  run(previous: Map<string, Outcome>, output: Output): Promise<Outcome>;
};

function exec(command: string, args: string[], output: Output, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, FORCE_COLOR: "1", ...env },
    });
    if (output !== "inherit") {
      child.stdout?.on("data", (chunk: Buffer) => output.write(chunk));
      child.stderr?.on("data", (chunk: Buffer) => output.write(chunk));
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function commands(output: Output, ...list: [string, ...string[]][]): Promise<Outcome> {
  for (const [command, ...args] of list) {
    if ((await exec(command, args, output)) !== 0) return { status: "failed" };
  }
  return { status: "passed" };
}

/** Runs one Vitest project and reads its counts from the JSON reporter. */
async function vitest(project: string, output: Output, options: { env?: Record<string, string>; args?: string[] } = {}): Promise<Outcome> {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "orbis-test-")), "report.json");
  const code = await exec(
    "vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...(options.args ?? [])],
    output,
    options.env,
  );
  let counts: Counts | undefined;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, "utf8")) as Record<string, number>;
    counts = {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
  }
  const status = code === 0 ? "passed" : "failed";
  return counts ? { status, counts } : { status };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Outside CI a missing service skips its suite with a note; in CI it fails the run. */
function unavailable(note: string, output: Output): Outcome {
  const line = `\n${note}${inCi ? "" : " Skipping (CI runs it and fails without it)."}\n`;
  if (output === "inherit") process.stdout.write(line);
  else output.write(line);
  return { status: inCi ? "failed" : "skipped", note };
}

const steps: Step[] = [
  {
    name: "typecheck",
    describe: "react-router typegen && tsc",
    // The quick checks go before the integration suites: the build and browser journeys are the longer lane.
    lane: "integration",
    run: (_, output) => commands(output, ["react-router", "typegen"], ["tsc"]),
  },
  {
    name: "lint",
    describe: "biome check . && the module-boundary rules (npm run lint)",
    lane: "integration",
    run: (_, output) => commands(output, ["biome", "check", "."], ["node", "scripts/lint-architecture.ts"]),
  },
  {
    name: "unit",
    describe: "vitest --project unit, with coverage",
    lane: "integration",
    run: (_, output) => vitest("unit", output, { args: coverageArgs("unit") }),
  },
  {
    name: "int-pglite",
    describe: "integration suite on embedded PGlite, with coverage",
    lane: "integration",
    run: (_, output) => vitest("int-pglite", output, { args: coverageArgs("int-pglite") }),
  },
  {
    name: "int-postgres",
    describe: `integration suite on PostgreSQL (${testDatabaseUrl})`,
    // Beside the browser journeys: with template databases both integration suites together take
    // about as long as the checks, build and browser journeys.
    lane: "integration",
    async run(_, output) {
      if (!(await postgresReachable())) {
        return unavailable(`PostgreSQL is not reachable at ${testDatabaseUrl} (set TEST_DATABASE_URL).`, output);
      }
      return vitest("int-postgres", output, { env: { TEST_DATABASE_URL: testDatabaseUrl } });
    },
  },
  { name: "build", describe: "react-router build", lane: "checks", run: (_, output) => commands(output, ["react-router", "build"]) },
  {
    name: "e2e",
    describe: `browser journeys in ${chromiumPath}`,
    lane: "checks",
    async run(previous, output) {
      if (previous.get("build")?.status === "failed") return { status: "failed", note: "the build failed" };
      if (!fs.existsSync(chromiumPath)) return unavailable(`Chromium is not installed at ${chromiumPath} (set CHROMIUM_PATH).`, output);
      return vitest("e2e", output);
    },
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length) {
  console.error(`Unknown step(s): ${unknown.join(", ")}. Steps: ${steps.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

const outcomes = new Map<string, Outcome>();
const durations = new Map<string, number>();
const header = (step: Step) => `\n\x1b[1m━━━ ${step.name}: ${step.describe} ━━━\x1b[0m\n`;

/** Runs a lane's steps in order; the first lane prints live, the other prints each step when it ends. */
async function runLane(lane: Step["lane"], live: boolean) {
  for (const step of steps) {
    if (step.lane !== lane || (wanted.length && !wanted.includes(step.name))) continue;
    const held: (Buffer | string)[] = [];
    if (live) process.stdout.write(header(step));
    const started = performance.now();
    outcomes.set(step.name, await step.run(outcomes, live ? "inherit" : { write: (chunk) => held.push(chunk) }));
    durations.set(step.name, (performance.now() - started) / 1000);
    if (!live) process.stdout.write([header(step), ...held.map(String)].join(""));
  }
}

const wall = performance.now();
await Promise.all([runLane("checks", true), runLane("integration", false)]);
const wallSeconds = (performance.now() - wall) / 1000;

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
console.log("\n\x1b[1m━━━ Summary ━━━\x1b[0m");
for (const step of steps) {
  const name = step.name;
  const outcome = outcomes.get(name);
  if (!outcome) continue;
  const counts = outcome.counts;
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  const tests = counts ? `${counts.passed} passed, ${counts.failed} failed` : "";
  const seconds = `${durations.get(name)?.toFixed(1)} s`;
  console.log(
    `  ${name.padEnd(13)} ${outcome.status.padEnd(8)} ${seconds.padStart(8)}  ${tests}${outcome.note ? `  ${outcome.note}` : ""}`,
  );
}
// Only the runs of this invocation: a report left by an earlier one would describe other code.
const coverage = coverageSummary(["unit", "int-pglite"].filter((name) => outcomes.has(name)));
if (coverage) console.log(`\n${coverage}`);
const named = (status: Outcome["status"]) => [...outcomes].filter(([, o]) => o.status === status).map(([name]) => name);
const failedSteps = named("failed");
const skippedSteps = named("skipped");
const verdict = failedSteps.length ? `Failed: ${failedSteps.join(", ")}` : "No step failed";
console.log(`\n${verdict}${skippedSteps.length ? ` (skipped: ${skippedSteps.join(", ")})` : ""}, ${wallSeconds.toFixed(0)} s in all`);
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
