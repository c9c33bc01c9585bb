import type { Database } from "../../db/client.ts";
import type { FileStorage } from "../../infra/storage.ts";
import type { CredentialsService } from "../credentials/service.ts";
import type { Outbox } from "../notifications/service.ts";

/** What the certifications use cases work with (docs/decisions/0015-module-shape.md). */
export type CertificationsContext = {
  db: Database;
  now: () => Date;
  outbox: Outbox;
  /** Links in mails and the CASE URIs of aligned items are built on it. */
  publicUrl: string;
  /** Evidence files' bytes. */
  storage: FileStorage;
  /** Largest evidence file accepted. */
  maxEvidenceBytes: number;
  /** Each award cycle becomes a signed credential, and its status follows the award's, in the award's transaction. */
  credentials: Pick<CredentialsService, "issueInTransaction" | "setStatusInTransaction">;
};
