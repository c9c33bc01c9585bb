import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { credentials } from "./schema.ts";

/**
 * The credentials module's read API for other modules (docs/decisions/0015-module-shape.md):
 * small functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** The credential issued for each of these source keys, with its status. */
export async function credentialsBySourceKey(
  db: Executor,
  sourceKeys: readonly string[],
): Promise<Map<string, { credentialId: string; revoked: boolean; suspended: boolean }>> {
  const wanted = [...new Set(sourceKeys)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({
      sourceKey: credentials.sourceKey,
      credentialId: credentials.id,
      revoked: credentials.revoked,
      suspended: credentials.suspended,
    })
    .from(credentials)
    .where(inArray(credentials.sourceKey, wanted));
  return new Map(rows.map(({ sourceKey, ...rest }) => [sourceKey, rest]));
}

/** How many credentials an organisation issued (figures), revoked ones left out. */
export async function issuedCount(db: Executor, organisationId: string): Promise<number> {
  return db.$count(credentials, and(eq(credentials.issuerOrganisationId, organisationId), eq(credentials.revoked, false)));
}
