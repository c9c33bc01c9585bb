import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Loads the demo data once for the whole browser suite, into a data directory that every test
 * file's server starts from a copy of (tests/e2e/support.ts): seeding takes many seconds, copying
 * a directory well under one.
 */
export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-e2e-template-"));
  const seeded = spawnSync(process.execPath, [path.join(root, "src", "cli.ts"), "seed"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: "warn", NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`Seeding the e2e template failed:\n${seeded.stdout}\n${seeded.stderr}`);
  process.env.ORBIS_E2E_TEMPLATE = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
