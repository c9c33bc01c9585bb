import { defineConfig } from "vitest/config";

const integration = ["src/**/*.int.test.ts", "tests/**/*.int.test.ts"];
/** Both integration projects: the same files, on a database copied from a template built once per run (tests/support/templates.ts). */
const integrationProject = {
  include: integration,
  globalSetup: ["tests/support/global-setup.ts"],
  // Files share a worker's loaded modules instead of importing the whole application again each
  // (seconds of CPU per file); each file still has a database and services of its own.
  isolate: false,
  testTimeout: 30_000,
  // The first file to need a template builds it in its beforeAll; the demo one takes a while on a busy machine.
  hookTimeout: 120_000,
};

/**
 * Tiers: unit (next to the code), integration on PGlite and the same files on a real
 * PostgreSQL server (TEST_DATABASE_URL), and browser journeys in Chromium against a built server.
 */
export default defineConfig({
  test: {
    // Off unless asked for (`--coverage.enabled`): `npm test` (scripts/test.ts) asks for it on the
    // unit and PGlite runs and prints what each domain module's tests cover.
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/**/*.test.{ts,tsx}", "src/db/migrations/**"],
      reporter: ["json"],
      reportOnFailure: true,
    },
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: integration } },
      { test: { name: "int-pglite", ...integrationProject, env: { ORBIS_TEST_DB: "pglite" } } },
      { test: { name: "int-postgres", ...integrationProject, env: { ORBIS_TEST_DB: "postgres" } } },
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
