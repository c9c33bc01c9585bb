import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.ts";

let dir: string;
const lockFile = () => path.join(dir, "orbis.lock");

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "orbis-lock-")), "pglite");
});

afterEach(() => {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe("lockDataDir", () => {
  it("creates the directory and a lock file with our pid, removed on release", () => {
    const release = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("refuses a directory held by another live process, leaving its lock alone", () => {
    fs.mkdirSync(dir, { recursive: true });
    // Our parent is alive for as long as this test runs.
    fs.writeFileSync(lockFile(), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another Orbis process (pid ${process.ppid})`);
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.ppid));
  });

  it("takes over the lock of a process that has died", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockFile(), String(dead));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    release();
  });

  it("a second release does not remove another process's lock", () => {
    const release = lockDataDir(dir);
    release();
    fs.writeFileSync(lockFile(), String(process.ppid));
    release();
    expect(fs.existsSync(lockFile())).toBe(true);
  });
});
