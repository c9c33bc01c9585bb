import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import { securityTxt } from "../../src/http/security-txt.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

const settings = {
  NODE_ENV: "test",
  DATA_DIR: "/tmp/orbis-test-unused",
  PUBLIC_URL: "https://orbis.example.org",
  SECURITY_CONTACT: "mailto:security@orbis.example.org, https://orbis.example.org/report",
  SECURITY_POLICY_URL: "https://orbis.example.org/security-policy",
};

describe("/.well-known/security.txt", () => {
  test("says whom to tell, in RFC 9116's fields, from the settings", async () => {
    const app = await buildApp({ config: loadConfig(settings), services: runtime.services, database: runtime.database });
    try {
      const response = await app.inject({ method: "GET", url: "/.well-known/security.txt" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
      const lines = response.body.trim().split("\n");
      expect(lines).toEqual([
        "Contact: mailto:security@orbis.example.org",
        "Contact: https://orbis.example.org/report",
        expect.stringMatching(/^Expires: \d{4}-\d\d-\d\dT00:00:00Z$/),
        "Preferred-Languages: en, fr, es, ru, zh, ar",
        "Canonical: https://orbis.example.org/.well-known/security.txt",
        "Policy: https://orbis.example.org/security-policy",
      ]);
    } finally {
      await app.close();
    }
  });

  test("expires within a year of when it is served", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    expect(securityTxt(loadConfig(settings), at)).toContain("Expires: 2026-08-29T00:00:00Z");
  });

  test("is not served without a contact, and a contact that is not an address is refused at start-up", async () => {
    const app = await createTestApp(runtime);
    try {
      expect((await app.inject({ method: "GET", url: "/.well-known/security.txt" })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    expect(() => loadConfig({ ...settings, SECURITY_CONTACT: "security at example" })).toThrow(/SECURITY_CONTACT/);
  });
});
