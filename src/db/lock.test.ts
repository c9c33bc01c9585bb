import { type ChildProcess, spawn, spawnSync } from "node:child_process";
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
    expect(fs.readFileSync(lockFile(), "utf8").split("\n")[0]).toBe(String(process.pid));
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
    expect(fs.readFileSync(lockFile(), "utf8").split("\n")[0]).toBe(String(process.pid));
    release();
  });

  describe("a pid that now belongs to another process", () => {
    let other: ChildProcess;
    beforeEach(async () => {
      // Not Orbis, and started after the (pretend) holder: what a reused pid looks like.
      other = spawn("sleep", ["30"], { stdio: "ignore" });
      await new Promise((resolve) => other.once("spawn", resolve));
      fs.mkdirSync(dir, { recursive: true });
    });
    afterEach(() => {
      other.kill();
    });

    it("is not a holder when it started at another time than the lock says", () => {
      fs.writeFileSync(lockFile(), `${other.pid}\nstarted 1`);
      const release = lockDataDir(dir);
      expect(fs.readFileSync(lockFile(), "utf8").split("\n")[0]).toBe(String(process.pid));
      release();
    });

    it("is not a holder when a lock of an older Orbis (a pid alone) names a process that is not Node", () => {
      fs.writeFileSync(lockFile(), String(other.pid));
      const release = lockDataDir(dir);
      release();
    });
  });

  it("refuses a directory held by another Orbis process, which the lock names with its start time", async () => {
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { lockDataDir } from ${JSON.stringify(path.join(import.meta.dirname, "lock.ts"))}; lockDataDir(process.argv[1]); console.log("locked"); setTimeout(() => {}, 30000);`,
        dir,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise((resolve) => holder.stdout?.once("data", resolve));
      expect(() => lockDataDir(dir)).toThrow(`in use by another Orbis process (pid ${holder.pid})`);
    } finally {
      holder.kill();
    }
  });

  it("a second release does not remove another process's lock", () => {
    const release = lockDataDir(dir);
    release();
    fs.writeFileSync(lockFile(), String(process.ppid));
    release();
    expect(fs.existsSync(lockFile())).toBe(true);
  });
});
