import net from "node:net";
import path from "node:path";
import { z } from "zod";

const seconds = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** One trusted proxy: an address, a CIDR range, or a named range of proxy-addr (what Fastify uses). */
function isProxyAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** `false`, `true`, a hop count, or the addresses of the proxies in front. */
const isTrustProxy = (value: string) =>
  /^(true|false|\d{1,2})$/.test(value) || value.split(",").every((entry) => isProxyAddress(entry.trim()));

/** Every setting Orbis reads, parsed once at start-up; nothing else reads process.env. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Orbis <no-reply@orbis.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  TRUST_PROXY: z
    .string()
    .refine(isTrustProxy, "must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses (CIDR allowed)")
    .default("false"),
  MAX_VIDEO_UPLOAD_MB: z.coerce.number().int().min(1).max(20_000).default(500),
  HEADERS_TIMEOUT_S: seconds(20, 1, 300),
  BODY_TIMEOUT_S: seconds(15, 1, 300),
  BODY_MIN_RATE: z.coerce.number().int().min(1).max(100_000_000).default(4096),
  IDLE_TIMEOUT_S: seconds(120, 1, 3600),
  KEEP_ALIVE_TIMEOUT_S: seconds(72, 1, 3600),
  DB_CONNECT_TIMEOUT_S: seconds(5, 1, 300),
  DB_STATEMENT_TIMEOUT_S: seconds(30, 1, 3600),
  SECURITY_CONTACT: z
    .string()
    .refine(
      (value) => value.split(",").every((uri) => /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+|tel:\+?[\d-]+)$/.test(uri.trim())),
      "must be one or more comma-separated mailto:, https:// or tel: addresses",
    )
    .optional(),
  SECURITY_POLICY_URL: z.url().optional(),
  CREDENTIALS_KEY_SECRET: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "must be 32 bytes as 64 hexadecimal digits or base64")
    .optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  seedDemo: "auto" | "always" | "never";
  /**
   * Which proxies' X-Forwarded-For to believe (the client address is the key of rate limits):
   * false (none), a number of hops in front of Orbis, or the proxies' addresses. Never "every
   * hop": the left-most entry is whatever the client wrote.
   */
  trustProxy: false | number | string[];
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  /** The largest lesson video an author may upload; other kinds of file have fixed limits. */
  maxVideoUploadBytes: number;
  /** How long a client may take over each part of a request, and how long an idle connection stays open (ms). */
  timeouts: {
    headersMs: number;
    /** A body that sends fewer than `bodyMinRate` bytes a second over this window is cut off. */
    bodyWindowMs: number;
    bodyMinRate: number;
    idleMs: number;
    keepAliveMs: number;
  };
  /** Opening a PostgreSQL connection, and one statement, may take this long (ms). */
  database: { connectTimeoutMs: number; statementTimeoutMs: number };
  /** What /.well-known/security.txt says: whom to tell of a vulnerability (none: no file), and the policy page. */
  security: { contacts: string[]; policyUrl: string | undefined };
  /**
   * The 32 bytes that encrypt credential signing keys at rest; when unset, one is generated into
   * DATA_DIR on first start (src/infra/key-secret.ts).
   */
  credentialsKeySecret: Buffer | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    trustProxy: trustedProxies(e.TRUST_PROXY),
    secureCookies: publicUrl.startsWith("https://"),
    maxVideoUploadBytes: e.MAX_VIDEO_UPLOAD_MB * 1024 * 1024,
    timeouts: {
      headersMs: e.HEADERS_TIMEOUT_S * 1000,
      bodyWindowMs: e.BODY_TIMEOUT_S * 1000,
      bodyMinRate: e.BODY_MIN_RATE,
      idleMs: e.IDLE_TIMEOUT_S * 1000,
      keepAliveMs: e.KEEP_ALIVE_TIMEOUT_S * 1000,
    },
    database: { connectTimeoutMs: e.DB_CONNECT_TIMEOUT_S * 1000, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_S * 1000 },
    security: {
      contacts: (e.SECURITY_CONTACT ?? "")
        .split(",")
        .map((uri) => uri.trim())
        .filter(Boolean),
      policyUrl: e.SECURITY_POLICY_URL,
    },
    credentialsKeySecret: e.CREDENTIALS_KEY_SECRET ? keySecretBytes(e.CREDENTIALS_KEY_SECRET) : undefined,
  };
}

/** 64 hexadecimal digits or base64 (standard or URL-safe) of 32 bytes. */
export function keySecretBytes(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, "hex")
    : Buffer.from(
        text.replace(/[+/]/g, (c) => (c === "+" ? "-" : "_")),
        "base64url",
      );
}

/** `true` is read as one hop (the proxy Orbis sees), so a client-written X-Forwarded-For is never believed. */
function trustedProxies(value: string): Config["trustProxy"] {
  if (value === "false") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value) || false;
  return value.split(",").map((address) => address.trim());
}
