import type { Database } from "../../db/client.ts";
import type { Outbox } from "../notifications/service.ts";
import { withContext } from "../shared/compose.ts";
import { decideAffiliation, pendingAffiliations } from "./affiliations.ts";
import { calendarFeed, calendarFeedUrl, calendarToken, eventIcs, regenerateCalendarToken } from "./calendar.ts";
import { cancelRegistration, cancelUpcomingRegistrations } from "./cancellation.ts";
import { checkIn, checkInQrSvg } from "./check-in.ts";
import { createEvent, updateEvent } from "./editing.ts";
import { canManageCentre, getEvent, getEventForEditing, listEvents, listManagedEvents } from "./events.ts";
import type { IcsPerson } from "./ics.ts";
import { myEvents } from "./my-events.ts";
import { deliverNotices, deliverNoticesSoon, noticeDrain, noticesDelivered } from "./notices.ts";
import { listRegistrations, participants } from "./participants.ts";
import { register } from "./registration.ts";
import { runMailJobs, sendDueReminders } from "./reminders.ts";
import { figures, report } from "./reports.ts";

export type EventsServiceDeps = { db: Database; outbox: Outbox; publicUrl: string; mailFrom?: string | undefined; now?: () => Date };

/** "Orbis <no-reply@orbis.example>" as a name and an address; a bare address names the site "Orbis". */
export function organizerOf(mailFrom: string | undefined): IcsPerson {
  const match = mailFrom?.match(/^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/);
  if (match) return { name: match[1] || "Orbis", email: match[2]! };
  const bare = mailFrom?.trim();
  return { name: "Orbis", email: bare && /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? bare : "no-reply@orbis.local" };
}

/** Events of the centres: the calendar, registration and its waiting list, check-in, reports, calendars and mail. */
export function createEventsService(deps: EventsServiceDeps) {
  const base = {
    db: deps.db,
    outbox: deps.outbox,
    publicUrl: deps.publicUrl,
    organizer: organizerOf(deps.mailFrom),
    now: deps.now ?? (() => new Date()),
  };
  const ctx = { ...base, noticeDrain: noticeDrain(base) };
  return withContext(ctx, {
    canManageCentre,
    listEvents,
    getEvent,
    getEventForEditing,
    listManagedEvents,
    createEvent,
    updateEvent,
    register,
    pendingAffiliations,
    decideAffiliation,
    cancelRegistration,
    cancelUpcomingRegistrations,
    checkIn,
    listRegistrations,
    report,
    participants,
    checkInQrSvg,
    myEvents,
    eventIcs,
    calendarToken,
    regenerateCalendarToken,
    calendarFeedUrl,
    calendarFeed,
    figures,
    deliverNotices,
    deliverNoticesSoon,
    noticesDelivered,
    sendDueReminders,
    runMailJobs,
  });
}

export type EventsService = ReturnType<typeof createEventsService>;
