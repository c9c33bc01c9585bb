import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of a test's own, made with the machine's binaries (Debian's postgresql
 * package: /usr/lib/postgresql/<version>/bin) in a temporary directory on a free port, so the test
 * may stop, restart and freeze it without disturbing anything else. PostgreSQL refuses to run as
 * root, so as root the server runs as the `postgres` user (runuser).
 */
export type ThrowawayPostgres = {
  url: string;
  /** `pg_ctl restart -m fast`: what a service restart does; returns once it accepts connections again. */
  restart(): void;
  stop(): void;
  start(): void;
  /** SIGSTOP to the postmaster and every backend: a server that accepts nothing and answers nothing. */
  pause(): void;
  resume(): void;
  /** Stops the server and removes its files. */
  remove(): void;
};

/** The newest installed PostgreSQL's bin directory, or undefined when there is none. */
export function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Every process whose parent is `pid`, read from /proc (the backends of a postmaster). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (command: string, ...args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) {
      const serverLog = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
      throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}\n${serverLog}`);
    }
  };
  const port = await freePort();
  run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
  const start = () => run("pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start");
  start();
  const postmaster = () => Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const signalAll = (signal: NodeJS.Signals) => {
    const main = postmaster();
    const all = signal === "SIGSTOP" ? [main, ...childrenOf(main)] : [...childrenOf(main), main];
    for (const pid of all) {
      try {
        process.kill(pid, signal);
      } catch {
        // A backend that ended meanwhile.
      }
    }
  };
  let removed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => run("pg_ctl", "-D", data, "-l", log, "-o", options, "-m", "fast", "-w", "-t", "60", "restart"),
    stop: () => run("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop"),
    start,
    pause: () => signalAll("SIGSTOP"),
    resume: () => signalAll("SIGCONT"),
    remove() {
      if (removed) return;
      removed = true;
      try {
        signalAll("SIGCONT");
        run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
