import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { rowsOf } from "../domain/shared/sql.ts";

/**
 * The content version: the sum of the rows every write to a table public pages are made from
 * bumps in its own transaction (migrations 0019 and 0023, decision 0017). It grows exactly when such a
 * write commits, on any server sharing the database, so a page cached under an older sum is
 * never served after that commit.
 */
export type ContentVersion = { current(): Promise<string> };

/**
 * Reads the version for a request, exactly: the answer comes from a read that started after the
 * call. Calls while a read is on its way share the next read instead of each making one, so under
 * load a few requests share one round trip (PGlite has a single connection to spare).
 */
export function contentVersionReader(db: Pick<Database, "execute">): ContentVersion {
  const read = async () => {
    const result = await db.execute(sql`select coalesce(sum(version), 0)::text as version from content_versions`);
    return rowsOf<{ version: string }>(result)[0]?.version ?? "0";
  };
  let running: Promise<string> | null = null;
  let next: Promise<string> | null = null;
  const start = () => {
    const reading = read().finally(() => {
      if (running === reading) running = null;
    });
    running = reading;
    return reading;
  };
  return {
    current() {
      if (!running) return start();
      // The read on its way may have begun before a commit this caller has already seen.
      next ??= running
        .catch(() => {})
        .then(() => {
          next = null;
          return start();
        });
      return next;
    },
  };
}
