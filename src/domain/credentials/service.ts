import type { Database } from "../../db/client.ts";
import type { RemoteJson } from "../../infra/remote-json.ts";
import { withContext } from "../shared/compose.ts";
import type { CredentialsContext } from "./context.ts";
import { courseCredential, issueCourseCredentials } from "./course-credentials.ts";
import { didDocumentFor, publicCredentialDocument, statusListCredential } from "./documents.ts";
import { issueInTransaction } from "./issue.ts";
import { exportKeys, importKeys, rotateOrganisationKey } from "./key-backup.ts";
import { changeStatus } from "./manage.ts";
import { setStatusInTransaction } from "./status.ts";
import { verifyCredential } from "./verify.ts";
import { getCredential, myCredentials, setPublic } from "./wallet.ts";

export type CredentialsServiceDeps = {
  db: Database;
  publicUrl: string;
  keySecret?: Uint8Array | null;
  remote: RemoteJson;
  now?: () => Date;
};

export function createCredentialsService(deps: CredentialsServiceDeps) {
  const ctx: CredentialsContext = {
    db: deps.db,
    publicUrl: deps.publicUrl,
    keySecret: deps.keySecret ?? null,
    remote: deps.remote,
    now: deps.now ?? (() => new Date()),
  };
  return {
    ...withContext(ctx, {
      /** For other modules' writes (a course completed, a certification awarded), in their transaction. */
      issueInTransaction,
      setStatusInTransaction,
      verifyCredential,
      didDocumentFor,
      statusListCredential,
      publicCredentialDocument,
      myCredentials,
      getCredential,
      setPublic,
      changeStatus,
      courseCredential,
      issueCourseCredentials,
      /** Operator commands (src/cli.ts), no actor. */
      exportKeys,
      importKeys,
      rotateOrganisationKey,
    }),
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
