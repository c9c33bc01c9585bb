import { defineConfig } from "vitest/config";

const integration = ["src/**/*.int.test.ts", "tests/**/*.int.test.ts"];

/**
 * Tiers: unit (next to the code), integration on PGlite and the same files on a real
 * PostgreSQL server (TEST_DATABASE_URL), and browser journeys in Chromium against a built server.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: integration } },
      { test: { name: "int-pglite", include: integration, env: { ORBIS_TEST_DB: "pglite" }, testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: { name: "int-postgres", include: integration, env: { ORBIS_TEST_DB: "postgres" }, testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
