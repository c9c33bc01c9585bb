export type PgError = { code: string; constraint?: string };

/** The driver's error under Drizzle's wrapper (PGlite and node-postgres both carry SQLSTATE and constraint). */
export function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgError;
    current = candidate.cause;
  }
  return null;
}

export const FOREIGN_KEY_VIOLATION = "23503";
