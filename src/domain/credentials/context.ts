import type { Database } from "../../db/client.ts";
import type { RemoteJson } from "../../infra/remote-json.ts";

/** What the credentials use cases work with (docs/decisions/0015-module-shape.md). */
export type CredentialsContext = {
  db: Database;
  now: () => Date;
  /** Credential, achievement and status list URLs, and the did:web host, are built on it. */
  publicUrl: string;
  /** 32 bytes that encrypt the signing keys at rest; null where nothing may be signed (demo seed). */
  keySecret: Uint8Array | null;
  /** Other issuers' DID documents and status lists (https, time limit, size cap). */
  remote: RemoteJson;
};
