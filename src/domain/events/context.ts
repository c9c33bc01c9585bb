import type { Database } from "../../db/client.ts";
import type { Outbox } from "../notifications/service.ts";
import type { IcsPerson } from "./ics.ts";

/** What every use case of the events module works with (see service.ts). */
export type EventsContext = {
  db: Database;
  now: () => Date;
  /** The site's address, for links in mail, QR codes and calendar files. */
  publicUrl: string;
  /** The ORGANIZER of calendar files: the site's mail sender. */
  organizer: IcsPerson;
  /** Where event notices and reminders are queued, in the transaction that claims them. */
  outbox: Outbox;
  /** This process's one background run turning owed notices into queued mail (notices.ts). */
  noticeDrain: { run(): Promise<void>; settled(): Promise<void> };
};
