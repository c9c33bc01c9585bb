import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { EventsContext } from "./context.ts";
import { queueOwedMail } from "./mail.ts";
import { deliverNotices } from "./notices.ts";
import { REMINDER_LEAD_MS } from "./rows.ts";
import { eventRegistrations, events } from "./schema.ts";

/** Reminds registered participants of events starting within a day, once each. Returns how many were queued. */
export function sendDueReminders(ctx: EventsContext): Promise<number> {
  return queueOwedMail(ctx, {
    owed: (at) =>
      and(
        eq(eventRegistrations.status, "registered"),
        isNull(eventRegistrations.reminderSentAt),
        eq(events.status, "scheduled"),
        gt(events.startsAt, at),
        lte(events.startsAt, new Date(at.getTime() + REMINDER_LEAD_MS)),
      ),
    kindOf: () => "reminder",
    markDone: (tx, ids, at) => tx.update(eventRegistrations).set({ reminderSentAt: at }).where(inArray(eventRegistrations.id, ids)),
  });
}

/** What every server runs each minute: owed notices first (left by a stopped process or a failed round), then due reminders. */
export async function runMailJobs(ctx: EventsContext): Promise<{ notices: number; reminders: number }> {
  const notices = await deliverNotices(ctx);
  const reminders = await sendDueReminders(ctx);
  return { notices, reminders };
}
