/**
 * Fault test: the process is killed (SIGKILL) while it seeds the demo on its first start. The
 * next start must find the database empty rather than half seeded (the seed on an empty database
 * is one transaction) and seed it in full; before, the registry was committed on its own and
 * SEED_DEMO=auto skipped from then on, leaving no courses, programmes or events for good.
 *
 * Runs in the PGlite lane only (a server's first start on a laptop); it takes a couple of minutes
 * on a busy machine, most of it the one full seed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const onPgliteLane = process.env.ORBIS_TEST_DB !== "postgres";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-seed-fault-"));

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

function start(): Run {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "seed-process.ts")], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      SEED_DEMO: "auto",
      PUBLIC_URL: "http://127.0.0.1:4999",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function until(run: Run, text: string, ms: number) {
  const deadline = Date.now() + ms;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not come:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(onPgliteLane)("a kill during the first start's demo seeding", { timeout: 600_000 }, () => {
  test("leaves no half-seeded database: the next start seeds the whole demo", async () => {
    const killed = start();
    // Killed once the network and its people are written (committed on their own, before), well short of the whole demo.
    await until(killed, "written: seedPeople", 400_000);
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toMatchObject({ signal: "SIGKILL" });
    expect(killed.output(), "the seed finished before the kill: nothing was tested").not.toContain('"added"');

    const again = start();
    const { code } = await again.exited;
    expect(code, again.output()).toBe(0);
    const found = JSON.parse(
      again
        .output()
        .split("\n")
        .find((line) => line.startsWith("{"))!,
    );
    expect(found).toMatchObject({ added: true });
    expect(found.organisations).toBeGreaterThan(50);
    expect(found.courses).toBeGreaterThan(5);
    expect(found.programmes).toBeGreaterThan(0);
    expect(found.pastEvents).toBeGreaterThan(0);
  });
});
