import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An attachment as stored: bytes in base64, since jsonb holds text. */
export type StoredAttachment = { filename: string; contentBase64: string; contentType?: string | undefined };

/**
 * Mail waiting to go, written in the same transaction as the change it tells about, so a
 * rolled-back change sends nothing and a committed one is not lost if the process dies before
 * sending. A row is due while `sentAt` and `failedAt` are empty and `nextAttemptAt` has passed.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<StoredAttachment[]>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Tries started; a claim counts one before sending, so a crash mid-send still counts. */
    attempts: integer().notNull().default(0),
    /** When the row may be claimed next; a claim pushes it forward by a lease, a failure by the backoff. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** Set when the last allowed attempt failed: the row stays for people to see and is never tried again. */
    failedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    /**
     * The centre the mail is about (an event's), so its administrators see it in the failed-mail
     * view; null for mail of the whole network, which only the secretariat sees. Not a foreign
     * key: the outbox sits below every module, and a row outlives what it told about.
     */
    centreId: uuid(),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index("mail_outbox_sent_idx").on(t.sentAt),
    index("mail_outbox_failed_idx").on(t.failedAt).where(sql`${t.failedAt} is not null`),
  ],
);
