import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startOrbis } from "../tests/e2e/support.ts";

export type Server = { url: string; stop(): Promise<void> };

const root = path.resolve(import.meta.dirname, "..");

/** The production server with demo data in a temporary PGlite, as `npm start` runs it. */
export async function startBuiltOrbis(): Promise<Server> {
  if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
    throw new Error("No UI build: run `npm run build` first.");
  }
  return startOrbis();
}

/**
 * The built server on a data directory of the caller's (seeded on first use, which may take
 * minutes on a busy machine, hence no deadline but the server's own exit); `ms` is how long it
 * took until /readyz answered 200.
 */
export async function startOrbisOn(dataDir: string, env: Record<string, string> = {}): Promise<Server & { ms: number }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "src", "server.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Orbis exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url: `http://127.0.0.1:${port}`, ms: Math.round(performance.now() - started), stop };
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Milliseconds from starting the built server on an existing data directory until /readyz answers 200. */
export async function timeColdStart(dataDir: string): Promise<number> {
  const server = await startOrbisOn(dataDir);
  await server.stop();
  return server.ms;
}

/** A bare Fastify server in its own process, so it gets a core of its own as Orbis does. */
export async function startBareFastify(): Promise<Server> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "bare-server.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    },
  };
}

export async function json<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(new URL(path, base), { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo learner enrolled in a course, as request headers (a Bearer token stands in for the session cookie). */
export async function enrolledLearner(base: string, courseSlug: string, tokenName: string): Promise<Record<string, string>> {
  const { token } = await json<{ token: string }>(base, "/api/v1/auth/tokens", {
    method: "POST",
    body: JSON.stringify({ email: "learner@orbis.example", password: "orbis-demo-2026", name: tokenName }),
  });
  const headers = { authorization: `Bearer ${token}` };
  await fetch(new URL(`/api/v1/courses/${courseSlug}/enrolment`, base), { method: "POST", headers });
  return headers;
}
