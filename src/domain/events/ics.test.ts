import { describe, expect, test } from "vitest";
import { buildCalendar, escapeText, type IcsMethod, type IcsOptions } from "./ics.ts";

/** Properties each iTIP method requires in a VEVENT (RFC 5546 3.2). */
const required: Record<IcsMethod, string[]> = {
  PUBLISH: ["DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID"],
  REQUEST: ["ATTENDEE", "DTSTAMP", "DTSTART", "ORGANIZER", "SEQUENCE", "SUMMARY", "UID"],
  CANCEL: ["ATTENDEE", "DTSTAMP", "ORGANIZER", "SEQUENCE", "UID"],
};
const known = new Set([
  "BEGIN",
  "END",
  "VERSION",
  "PRODID",
  "CALSCALE",
  "METHOD",
  "NAME",
  "X-WR-CALNAME",
  "X-WR-TIMEZONE",
  "UID",
  "SEQUENCE",
  "DTSTAMP",
  "LAST-MODIFIED",
  "DTSTART",
  "DTEND",
  "SUMMARY",
  "DESCRIPTION",
  "LOCATION",
  "URL",
  "ORGANIZER",
  "ATTENDEE",
  "STATUS",
]);
const textProperties = new Set(["NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-TIMEZONE"]);

type Property = { name: string; params: string; value: string };

/**
 * A strict reading of an iCalendar file as libical's checks would do it: CRLF lines of at most
 * 75 octets, unfolded; every line a known property; TEXT values with only the four escapes
 * RFC 5545 defines; components balanced; the properties of the file's iTIP method present.
 */
function parseStrictly(ics: string) {
  expect(ics.endsWith("\r\n")).toBe(true);
  const physical = ics.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  }
  const lines = physical.reduce<string[]>((all, line) => {
    if (line.startsWith(" ")) all[all.length - 1] += line.slice(1);
    else all.push(line);
    return all;
  }, []);
  const properties: Property[] = lines.map((line) => {
    const match = /^([A-Z-]+)((?:;[A-Z-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, name, params, value] = match!;
    expect(known, line).toContain(name);
    if (textProperties.has(name!)) expect(value!.replace(/\\[\\;,nN]/g, ""), line).not.toMatch(/[\\;,]/);
    return { name: name!, params: params!, value: value! };
  });
  const stack: string[] = [];
  const events: Property[][] = [];
  for (const p of properties) {
    if (p.name === "BEGIN") {
      stack.push(p.value);
      if (p.value === "VEVENT") events.push([]);
    } else if (p.name === "END") expect(stack.pop()).toBe(p.value);
    else if (stack.at(-1) === "VEVENT") events.at(-1)!.push(p);
  }
  expect(stack).toEqual([]);
  const method = properties.find((p) => p.name === "METHOD")!.value as IcsMethod;
  for (const event of events) for (const name of required[method]) expect(event.map((p) => p.name)).toContain(name);
  return { properties, events, method };
}

describe("iCalendar files", () => {
  const event = {
    id: "5f0c7a52-8a9e-4b55-9d5e-0d1f7f1e2a11",
    title: "Знакомство с русскоязычной платформой IIOE — семинар для преподавателей вузов Кыргызстана",
    description: "Line one\nLine two; with, commas",
    startsAt: new Date("2025-11-26T08:00:00Z"),
    endsAt: new Date("2025-11-26T10:00:00Z"),
    location: "Online",
    url: "http://orbis.test/ru/events/knu-workshop",
    cancelled: false,
    updatedAt: new Date("2025-11-01T00:00:00Z"),
    sequence: 0,
  };
  const organizer = { name: "Orbis", email: "no-reply@orbis.test" };
  const options: IcsOptions = { organizer };

  test("UTC times, a UID free of the site's address, CRLF lines folded at 75 octets", () => {
    const ics = buildCalendar("Orbis", [event], options);
    expect(ics).toContain("DTSTART:20251126T080000Z\r\n");
    expect(ics).toContain("DTEND:20251126T100000Z\r\n");
    expect(ics).toContain(`UID:${event.id}@orbis\r\n`);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("DESCRIPTION:Line one\\nLine two\\; with\\, commas");
    expect(ics).toContain('ORGANIZER;CN="Orbis":mailto:no-reply@orbis.test\r\n');
    parseStrictly(ics);
  });

  test("a title with line breaks stays one escaped value: no injected property or event", () => {
    const evil = "Hi\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:fake\nX-INJECTED:1\r";
    const name = "Calendar, with; a \\ and\r\nX-EVIL:1";
    const ics = buildCalendar(name, [{ ...event, title: evil, location: "Room 1;\nX-A:b", description: evil }], options);
    const { events, properties } = parseStrictly(ics);
    expect(events).toHaveLength(1);
    expect(properties.filter((p) => p.name.startsWith("X-EVIL") || p.name === "X-INJECTED")).toEqual([]);
    expect(ics).toContain("NAME:Calendar\\, with\\; a \\\\ and\\nX-EVIL:1\r\n");
    // `\ ` is no escape RFC 5545 knows (it was written for a space in the calendar's name).
    expect(ics.replace(/\\\\/g, "")).not.toContain("\\ ");
  });

  test("escaping by RFC 5545", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg\u0007")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  test("folding never splits a character", () => {
    const ics = buildCalendar("研讨会".repeat(40), [{ ...event, title: "ورشة عمل ".repeat(30) }], options);
    parseStrictly(ics);
    expect(ics).toContain(`X-WR-CALNAME:${"研讨会".repeat(40)}`.slice(0, 30));
    expect(ics.split("\r\n").join("")).not.toContain("\uFFFD");
  });

  test("the reader's zone is a hint beside exact UTC times", () => {
    const ics = buildCalendar("Orbis", [event], { organizer, zone: "Asia/Bishkek" });
    expect(ics).toContain("X-WR-TIMEZONE:Asia/Bishkek\r\n");
    expect(ics).toContain("DTSTART:20251126T080000Z\r\n");
    expect(buildCalendar("Orbis", [event], options)).not.toContain("X-WR-TIMEZONE");
  });

  test("a request names the attendee and the sequence; a cancellation uses METHOD:CANCEL", () => {
    const attendee = { name: 'Айгуль "A" Ч.', email: "aigul@example.kg" };
    const request = buildCalendar("Orbis", [{ ...event, sequence: 2 }], { organizer, attendee, method: "REQUEST" });
    expect(parseStrictly(request).method).toBe("REQUEST");
    expect(request).toContain("SEQUENCE:2\r\n");
    expect(request.replace(/\r\n /g, "")).toContain(`ATTENDEE;CN="Айгуль ^'A^' Ч.";`);
    const cancel = buildCalendar("Orbis", [{ ...event, sequence: 3 }], { organizer, attendee, method: "CANCEL" });
    expect(parseStrictly(cancel).method).toBe("CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
  });

  test("a cancelled event says so", () => {
    expect(buildCalendar("Orbis", [{ ...event, cancelled: true }], options)).toContain("STATUS:CANCELLED");
  });
});
