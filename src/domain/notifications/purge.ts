import { lt } from "drizzle-orm";
import type { NotificationsContext } from "./context.ts";
import { mailOutbox } from "./schema.ts";

/** Sent mail is kept a week, to answer "did it go?", then deleted: it may hold sign-in links. */
const KEEP_SENT_MS = 7 * 24 * 60 * 60_000;

/** Deletes sent mail older than a week; returns how many rows went. */
export async function purgeSent(ctx: NotificationsContext): Promise<number> {
  const removed = await ctx.db
    .delete(mailOutbox)
    .where(lt(mailOutbox.sentAt, new Date(ctx.now().getTime() - KEEP_SENT_MS)))
    .returning({ id: mailOutbox.id });
  return removed.length;
}
