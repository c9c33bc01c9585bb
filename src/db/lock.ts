import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  readonly dir: string;
  readonly pid: number;

  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another Orbis process (pid ${pid}). ` +
        "PGlite can be opened by one process at a time: stop the server first, or set DATABASE_URL to use a PostgreSQL server. " +
        `If no Orbis process is running, delete ${path.join(dir, "orbis.lock")}.`,
    );
    this.dir = dir;
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What `ps` says about a process, where there is no /proc (macOS, the BSDs); undefined if it cannot tell. */
function ps(pid: number, field: "lstart" | "command"): string | undefined {
  const result = spawnSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

function procFile(pid: number, name: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * When a process started, as the system tells it (clock ticks since boot on Linux): a pid is
 * reused by unrelated processes, a pid and its start time are not.
 */
function startOf(pid: number): string | undefined {
  const stat = procFile(pid, "stat");
  // Fields after the command name, which is in parentheses and may hold spaces; the 22nd field is the start time.
  if (stat) return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return ps(pid, "lstart");
}

function commandOf(pid: number): string | undefined {
  return procFile(pid, "cmdline")?.replaceAll("\0", " ") ?? ps(pid, "command");
}

/**
 * Whether the process a lock names still holds it: alive, and the same process that wrote the
 * lock (its start time), or for a lock written by an older Orbis (a pid alone) at least a Node
 * process. When the system cannot tell, a live pid is taken to hold it.
 */
function holds(pid: number, started: string | undefined): boolean {
  if (pid === process.pid || !isAlive(pid)) return false;
  if (started) {
    const now = startOf(pid);
    return now === undefined || now === started;
  }
  const command = commandOf(pid);
  return command === undefined || /node/i.test(command);
}

/**
 * PGlite corrupts its files when two processes open the same directory, so the first process
 * takes an exclusive lock file naming its pid and start time; a lock whose process has died, or
 * whose pid now belongs to another process, is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "orbis.lock");
  const ours = [process.pid, startOf(process.pid)].filter((part) => part !== undefined).join("\n");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, ours, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const [pidLine = "", started] = fs.readFileSync(file, "utf8").split("\n");
      const holder = Number.parseInt(pidLine, 10);
      if (Number.isInteger(holder) && holds(holder, started?.trim() || undefined)) throw new DataDirLockedError(dir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
