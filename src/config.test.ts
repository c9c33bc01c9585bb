import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("needs no settings: production on 127.0.0.1:3000 with PGlite under ./data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "production",
      host: "127.0.0.1",
      port: 3000,
      dataDir: path.resolve("data"),
      databaseUrl: undefined,
      publicUrl: "http://127.0.0.1:3000",
      smtpUrl: undefined,
      logLevel: "info",
      seedDemo: "auto",
      secureCookies: false,
      trustProxy: false,
      timeouts: { headersMs: 20_000, bodyWindowMs: 15_000, bodyMinRate: 4096, idleMs: 120_000, keepAliveMs: 72_000 },
      database: { connectTimeoutMs: 5000, statementTimeoutMs: 30_000 },
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("reads every setting", () => {
    const config = loadConfig({
      NODE_ENV: "development",
      HOST: "0.0.0.0",
      PORT: "8080",
      DATA_DIR: "/var/lib/orbis",
      DATABASE_URL: "postgresql://orbis@db/orbis",
      PUBLIC_URL: "https://orbis.example/",
      SMTP_URL: "smtps://mail.example",
      MAIL_FROM: "Orbis <orbis@example.org>",
      LOG_LEVEL: "warn",
      SEED_DEMO: "never",
    });
    expect(config).toMatchObject({
      env: "development",
      host: "0.0.0.0",
      port: 8080,
      dataDir: "/var/lib/orbis",
      databaseUrl: "postgresql://orbis@db/orbis",
      publicUrl: "https://orbis.example",
      smtpUrl: "smtps://mail.example",
      mailFrom: "Orbis <orbis@example.org>",
      logLevel: "warn",
      seedDemo: "never",
      secureCookies: true,
    });
  });

  it("reads the timeouts in seconds", () => {
    const config = loadConfig({
      HEADERS_TIMEOUT_S: "5",
      BODY_TIMEOUT_S: "7",
      BODY_MIN_RATE: "100",
      IDLE_TIMEOUT_S: "30",
      KEEP_ALIVE_TIMEOUT_S: "4",
      DB_CONNECT_TIMEOUT_S: "2",
      DB_STATEMENT_TIMEOUT_S: "9",
    });
    expect(config.timeouts).toEqual({ headersMs: 5000, bodyWindowMs: 7000, bodyMinRate: 100, idleMs: 30_000, keepAliveMs: 4000 });
    expect(config.database).toEqual({ connectTimeoutMs: 2000, statementTimeoutMs: 9000 });
  });

  it.each([
    ["false", false],
    ["true", 1],
    ["2", 2],
    ["0", false],
    ["10.0.0.1", ["10.0.0.1"]],
    ["127.0.0.1, 10.0.0.0/8,::1", ["127.0.0.1", "10.0.0.0/8", "::1"]],
    ["loopback,fd00::/8", ["loopback", "fd00::/8"]],
  ])("reads TRUST_PROXY=%s as proxies to believe (true is one hop, never every hop)", (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("builds the public URL from a wildcard host as localhost", () => {
    expect(loadConfig({ HOST: "0.0.0.0", PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/orbis"],
    ["SMTP_URL", "mail.example"],
    ["PUBLIC_URL", "not a url"],
    ["TRUST_PROXY", "maybe"],
    ["TRUST_PROXY", "10.0.0.0/33"],
    ["TRUST_PROXY", "bad"],
    ["BODY_TIMEOUT_S", "0"],
    ["DB_STATEMENT_TIMEOUT_S", "soon"],
    ["LOG_LEVEL", "loud"],
    ["SEED_DEMO", "yes"],
  ])("refuses a bad %s with a message naming it", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n\\s+${name}: `));
  });
});
