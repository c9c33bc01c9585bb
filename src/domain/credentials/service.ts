import type { Database } from "../../db/client.ts";
import { withContext } from "../shared/compose.ts";
import type { CredentialsContext } from "./context.ts";
import { issueInTransaction } from "./issue.ts";
import { setStatusInTransaction } from "./status.ts";

export type CredentialsServiceDeps = { db: Database; publicUrl: string; keySecret?: Uint8Array | null; now?: () => Date };

export function createCredentialsService(deps: CredentialsServiceDeps) {
  const ctx: CredentialsContext = {
    db: deps.db,
    publicUrl: deps.publicUrl,
    keySecret: deps.keySecret ?? null,
    now: deps.now ?? (() => new Date()),
  };
  return {
    ...withContext(ctx, {
      /** For other modules' writes (a course completed, a certification awarded), in their transaction. */
      issueInTransaction,
      setStatusInTransaction,
    }),
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
