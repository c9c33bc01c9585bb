/**
 * iCalendar (RFC 5545) files and iTIP (RFC 5546) methods, written by hand so that every value is
 * escaped by one rule: a title typed with a line break must never become a property of its own.
 */

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
  /** Bumped when the time or place changes or the event is cancelled, so calendars take the change. */
  sequence: number;
};

/** Who sends the file (iTIP requires an ORGANIZER) and, in mail, who it is for (an ATTENDEE). */
export type IcsPerson = { name: string; email: string };

export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export type IcsOptions = {
  /** PUBLISH for files and feeds; REQUEST for a registration's mail and its updates; CANCEL when it ends. */
  method?: IcsMethod;
  /** The reader's saved zone, named in X-WR-TIMEZONE: times stay exact instants, calendars may show them in it. */
  zone?: string | null;
  organizer: IcsPerson;
  attendee?: IcsPerson;
};

/**
 * The right-hand side of every UID. Not the public host: a site that changes its address must not
 * duplicate every event already imported into people's calendars.
 */
export const UID_DOMAIN = "orbis";
export const eventUid = (eventId: string) => `${eventId}@${UID_DOMAIN}`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, any line break as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(controls, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n");
}

/** A parameter value (RFC 6868 caret encoding), always quoted: a name may hold `:` `;` or `,`. */
function paramValue(value: string): string {
  const encoded = value
    .replace(controls, "")
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, "^n");
  return `"${encoded}"`;
}

/** A URI value: it cannot be escaped, so anything that could end the line is percent-encoded. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: encoding control characters is the point.
const uri = (value: string) => value.replace(/[\u0000-\u0020\u007f"]/g, (c) => encodeURIComponent(c));

const mailto = (email: string) => `mailto:${uri(email)}`;

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines begin with a space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

const utc = (date: Date) => `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

function eventLines(item: IcsEvent, options: IcsOptions, method: IcsMethod): string[] {
  const { organizer, attendee } = options;
  const cancelled = method === "CANCEL" || item.cancelled;
  return [
    "BEGIN:VEVENT",
    `UID:${eventUid(item.id)}`,
    `SEQUENCE:${item.sequence}`,
    `DTSTAMP:${utc(item.updatedAt)}`,
    `LAST-MODIFIED:${utc(item.updatedAt)}`,
    `DTSTART:${utc(item.startsAt)}`,
    `DTEND:${utc(item.endsAt)}`,
    `SUMMARY:${escapeText(item.title)}`,
    ...(item.description ? [`DESCRIPTION:${escapeText(item.description)}`] : []),
    ...(item.location ? [`LOCATION:${escapeText(item.location)}`] : []),
    `URL;VALUE=URI:${uri(item.url)}`,
    `ORGANIZER;CN=${paramValue(organizer.name)}:${mailto(organizer.email)}`,
    ...(attendee
      ? [`ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(attendee.email)}`]
      : []),
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
  ];
}

/**
 * An iCalendar document: times in UTC, a UID that stays the same for an event wherever it is
 * downloaded or mailed (so calendars update rather than duplicate it), every TEXT value escaped,
 * CRLF lines folded at 75 octets.
 */
export function buildCalendar(name: string, items: readonly IcsEvent[], options: IcsOptions): string {
  const method = options.method ?? "PUBLISH";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Orbis//Events//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    ...(options.zone ? [`X-WR-TIMEZONE:${escapeText(options.zone)}`] : []),
    ...items.flatMap((item) => eventLines(item, options, method)),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
