import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type IcsEvent = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  url: string;
  cancelled: boolean;
  updatedAt: Date;
};

/**
 * An iCalendar (RFC 5545) document: times in UTC, a UID that stays the same for an event wherever
 * it is downloaded (so calendars update rather than duplicate it), CRLF lines folded at 75 octets.
 * `zone`, the reader's saved zone, is named in X-WR-TIMEZONE: the times stay exact instants, and
 * calendars that honour the hint (for a subscribed feed above all) show them in that zone.
 */
export function buildCalendar(name: string, items: IcsEvent[], host: string, zone: string | null = null): string {
  const calendar = ical({ name, prodId: { company: "Orbis", product: "Events", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  if (zone) calendar.x([["X-WR-TIMEZONE", zone]]);
  for (const item of items) {
    calendar.createEvent({
      id: `${item.id}@${host}`,
      start: item.startsAt,
      end: item.endsAt,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      summary: item.title,
      description: item.description,
      location: item.location,
      url: item.url,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; the library leaves the last bare.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
