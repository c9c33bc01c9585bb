import { eq, type SQL } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { peopleByIds } from "../identity/queries.ts";
import { facilityNames } from "../network/queries.ts";
import type { QueuedMail } from "../notifications/service.ts";
import { isTimeZone } from "../shared/time-zone.ts";
import type { EventsContext } from "./context.ts";
import { buildCalendar, type IcsMethod, type IcsPerson } from "./ics.ts";
import { calendarItem, eventUrl } from "./mapping.ts";
import { type EventRow, type RegistrationRow, textsOf, waitlistPositions } from "./rows.ts";
import { type EventNotice, eventRegistrations, events } from "./schema.ts";

/** A registration owed a mail, with its event, claimed by the caller's transaction. */
type OwedMail = { registration: RegistrationRow; event: EventRow; kind: EventNotice | "reminder" };

/**
 * The iTIP method of the .ics each mail carries: a place held is a REQUEST (its updates too, with
 * the event's raised SEQUENCE), a place given up or an event called off a CANCEL; the waiting
 * list holds no place, so its notice carries no file.
 */
const methodOf: Record<OwedMail["kind"], IcsMethod | null> = {
  registered: "REQUEST",
  promoted: "REQUEST",
  reminder: "REQUEST",
  updated: "REQUEST",
  cancelled: "CANCEL",
  withdrawn: "CANCEL",
  waitlisted: null,
};

/**
 * When an event starts, for one person: in the zone saved in their account beside the
 * organiser's, else in the organiser's alone, always naming the zone.
 */
function startTimeText(event: EventRow, readerZone: string | null, reader: Locale): string {
  const t = translatorFor(reader);
  const at = (zone: string) =>
    new Intl.DateTimeFormat(reader, { timeZone: zone, dateStyle: "full", timeStyle: "short" }).format(event.startsAt);
  const organiserZone = event.timeZone;
  if (!readerZone || readerZone === organiserZone) return t("events.email.when", { time: at(organiserZone), zone: organiserZone });
  return t("events.email.whenBoth", { time: at(readerZone), zone: readerZone, organiserTime: at(organiserZone), organiserZone });
}

/**
 * The mails owed, each in its reader's language and time zone, with the event as an .ics file
 * (the join link only for a place held) except on the waiting-list notice. Runs inside the
 * claiming transaction: PGlite has one connection, so every query uses `tx`.
 */
async function renderMails(
  tx: Transaction,
  sender: { publicUrl: string; organizer: IcsPerson },
  owed: readonly OwedMail[],
): Promise<QueuedMail[]> {
  const { publicUrl, organizer } = sender;
  const [people, texts, facilities, positions] = await Promise.all([
    peopleByIds(
      tx,
      owed.map((o) => o.registration.userId),
    ),
    textsOf(tx, [...new Set(owed.map((o) => o.event.id))]),
    facilityNames(
      tx,
      owed.map((o) => o.event.facilityId),
    ),
    waitlistPositions(
      tx,
      owed.flatMap((o) => (o.kind === "waitlisted" ? [o.registration] : [])),
    ),
  ]);
  const mails: QueuedMail[] = [];
  for (const { registration, event, kind } of owed) {
    // Gone with their account (its registrations go too): no one to write to.
    const person = people.get(registration.userId);
    if (!person) continue;
    const reader = person.locale;
    const t = translatorFor(reader);
    const joinUrl = registration.status === "registered" ? event.joinUrl : null;
    const facility = event.facilityId ? (facilities.get(event.facilityId) ?? null) : null;
    const item = calendarItem(publicUrl, event, texts.get(event.id) ?? [], facility, reader, joinUrl);
    const readerZone = person.timeZone && isTimeZone(person.timeZone) ? person.timeZone : null;
    const position = kind === "waitlisted" ? (positions.get(registration.id) ?? 1) : 0;
    const args = {
      name: person.name,
      title: item.title,
      when: startTimeText(event, readerZone, reader),
      link: eventUrl(publicUrl, event, reader),
    };
    // Someone only waiting never had the event in their calendar: nothing to cancel there.
    const method = registration.status === "waitlisted" ? null : methodOf[kind];
    const calendar = method && {
      filename: `${event.slug}.ics`,
      content: buildCalendar(item.title, [item], {
        method,
        zone: readerZone,
        organizer,
        attendee: { name: person.name, email: person.email },
      }),
      contentType: `text/calendar; charset=utf-8; method=${method}`,
    };
    mails.push({
      centreId: event.centreId,
      to: person.email,
      subject: t(`events.email.${kind}.subject`, { title: item.title }),
      text: t(`events.email.${kind}.body`, { ...args, position }),
      ...(calendar ? { attachments: [calendar] } : {}),
    });
  }
  return mails;
}

/** Registrations claimed per transaction. */
const MAIL_BATCH = 50;

/**
 * Queues the mail registrations are owed on the outbox, a batch at a time: each transaction
 * claims the registrations `owed` selects (FOR UPDATE SKIP LOCKED, so several processes share the
 * work without queueing anything twice), renders their mail, queues it and marks them done
 * (`markDone`), never waiting for a mail server; the outbox sends after the commit, and retries
 * and gives up by its own rule (decision 11). Returns how many were queued.
 */
export async function queueOwedMail(
  ctx: Pick<EventsContext, "db" | "publicUrl" | "organizer" | "outbox" | "now">,
  job: {
    owed: (at: Date) => SQL | undefined;
    kindOf: (registration: RegistrationRow) => OwedMail["kind"];
    markDone: (tx: Transaction, registrationIds: string[], at: Date) => Promise<unknown>;
  },
): Promise<number> {
  let queued = 0;
  for (;;) {
    const at = ctx.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({ registration: eventRegistrations, event: events })
        .from(eventRegistrations)
        .innerJoin(events, eq(events.id, eventRegistrations.eventId))
        .where(job.owed(at))
        .limit(MAIL_BATCH)
        .for("update", { of: eventRegistrations, skipLocked: true });
      if (!rows.length) return 0;
      const owed = rows.map((row) => ({ ...row, kind: job.kindOf(row.registration) }));
      await ctx.outbox.enqueueMail(tx, await renderMails(tx, ctx, owed));
      await job.markDone(
        tx,
        rows.map((row) => row.registration.id),
        at,
      );
      return rows.length;
    });
    if (batch) ctx.outbox.deliverSoon();
    queued += batch;
    if (batch < MAIL_BATCH) return queued;
  }
}
