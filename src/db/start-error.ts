/**
 * The database could not be opened at start-up: said in one line for whoever runs the server
 * (src/server.ts prints the message and exits with 69, EX_UNAVAILABLE), not as a stack trace.
 */
export class DatabaseStartError extends Error {}

/** A connection string as it may be shown: without its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}

/** What went wrong, in a few words: Node gives an empty message (and a code) when every address of a host refused. */
export function reasonOf(error: unknown): string {
  const { message, code } = (error ?? {}) as { message?: string; code?: string };
  return message || code || String(error);
}
