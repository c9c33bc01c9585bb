import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "./db/client.ts";
import { lockDataDir } from "./db/lock.ts";
import { roleAssignments, users } from "./domain/identity/schema.ts";

const cli = path.join(import.meta.dirname, "cli.ts");
let dataDir: string;

/** Runs the real command line on an embedded database of its own, whatever the test project. */
function orbis(...args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" };
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function accountsIn(dir: string) {
  const database = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
  try {
    return await database.db
      .select({ email: users.email, role: roleAssignments.role })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id));
  } finally {
    await database.close();
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// It drives the embedded database only; running it again in the PostgreSQL project would prove nothing new.
// Each step starts a process that opens the embedded database and migrates it: seconds each on a busy machine.
describe.skipIf(process.env.ORBIS_TEST_DB === "postgres")("orbis command line", { timeout: 120_000 }, () => {
  test("help, and a usage error for anything unknown", () => {
    expect(orbis("help")).toMatchObject({ code: 0, out: expect.stringContaining("create-admin --email") });
    expect(orbis("frobnicate")).toMatchObject({ code: 64, err: expect.stringContaining('Unknown command "frobnicate"') });
    expect(orbis("create-admin", "--email", "a@b.org")).toMatchObject({ code: 64, err: expect.stringContaining("--password") });
  });

  test("create-admin makes a platform administrator; a second one with the same address is refused", async () => {
    const created = orbis("create-admin", "--email", "Chief@Orbis.test", "--password", "a long admin password", "--name", "Chief");
    expect(created).toMatchObject({ code: 0, out: expect.stringContaining("chief@orbis.test") });
    expect(orbis("create-admin", "--email", "chief@orbis.test", "--password", "a long admin password")).toMatchObject({
      code: 65,
      err: expect.stringContaining("already exists"),
    });
    expect(orbis("create-admin", "--email", "short@orbis.test", "--password", "short")).toMatchObject({
      code: 65,
      err: expect.stringContaining("password"),
    });
    expect(await accountsIn(dataDir)).toEqual([{ email: "chief@orbis.test", role: "platform_admin" }]);
  });

  test("while another process holds the embedded database, it says so, exits 78 and leaves the data alone", async () => {
    const release = lockDataDir(path.join(dataDir, "pglite"));
    let result: ReturnType<typeof orbis>;
    try {
      result = orbis("create-admin", "--email", "second@orbis.test", "--password", "a long admin password");
      expect(orbis("migrate").code).toBe(78);
    } finally {
      release();
    }
    expect(result.code).toBe(78);
    expect(result.err).toContain("in use by another Orbis process");
    expect(result.err).toContain(`pid ${process.pid}`);
    expect(await accountsIn(dataDir)).toEqual([{ email: "chief@orbis.test", role: "platform_admin" }]);
    expect(orbis("migrate")).toMatchObject({ code: 0, out: expect.stringContaining("Migrations applied") });
  });

  test("with the database unreachable, one line says so (no stack trace) and it exits 69", () => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "postgres://orbis:secret@127.0.0.1:9/orbis", DB_CONNECT_TIMEOUT_S: "2" };
    const result = spawnSync(process.execPath, [cli, "migrate"], { env, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(69);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("Cannot connect to PostgreSQL at postgres://orbis:***@127.0.0.1:9/orbis");
    expect(result.stderr).not.toContain("secret");
  });
});
