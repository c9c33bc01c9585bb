import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { MailMessage } from "../../infra/mailer.ts";
import type { NotificationsContext } from "./context.ts";
import { mailOutbox, type StoredAttachment } from "./schema.ts";

/** The database or a transaction: mail is written through whichever the caller is using. */
type Executor = Pick<Database, "execute">;

/** A message for the outbox, with the centre it is about when there is one (see `mailOutbox.centreId`). */
export type QueuedMail = MailMessage & { centreId?: string | null };

/** Messages per insert statement, to bound the size of one statement's parameters. */
const INSERT_CHUNK = 5000;

/** Attachments as the jsonb column's text, or null. */
function attachmentsJson(message: MailMessage): string | null {
  if (!message.attachments?.length) return null;
  const stored: StoredAttachment[] = message.attachments.map((a) => ({
    filename: a.filename,
    contentBase64: Buffer.from(a.content).toString("base64"),
    contentType: a.contentType,
  }));
  return JSON.stringify(stored);
}

/** Writes messages in the caller's transaction; nothing goes until it commits. */
export async function enqueueMail(ctx: NotificationsContext, tx: Executor, messages: QueuedMail | QueuedMail[]): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  const at = ctx.now();
  for (let start = 0; start < list.length; start += INSERT_CHUNK) {
    const chunk = list.slice(start, start + INSERT_CHUNK);
    const column = (value: (m: QueuedMail) => string | null) => sql.param(chunk.map(value));
    // One array parameter per column (unnest), not one parameter per value: thousands of
    // messages in one statement, about three times faster than a multi-row VALUES list.
    await tx.execute(sql`
      insert into ${mailOutbox} ("to", subject, text, html, attachments, centre_id, created_at, next_attempt_at)
      select m.to, m.subject, m.text, m.html, m.attachments::jsonb, m.centre_id, ${at}::timestamptz, ${at}::timestamptz
      from unnest(
        ${column((m) => m.to)}::text[], ${column((m) => m.subject)}::text[], ${column((m) => m.text)}::text[],
        ${column((m) => m.html ?? null)}::text[], ${column(attachmentsJson)}::text[], ${column((m) => m.centreId ?? null)}::uuid[]
      ) as m("to", subject, text, html, attachments, centre_id)`);
  }
}
