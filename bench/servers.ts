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
