import type { Database } from "../../db/client.ts";
import type { Outbox } from "../notifications/service.ts";

/** What the identity use cases work with (docs/decisions/0015-module-shape.md). */
export type IdentityContext = {
  db: Database;
  now: () => Date;
  /** Reset mails are queued with their token, in one transaction. */
  outbox: Outbox;
  /** Base of the links in emails, e.g. https://orbis.example.org */
  publicUrl: string;
};
