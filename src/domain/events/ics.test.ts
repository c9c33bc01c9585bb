import { describe, expect, test } from "vitest";
import { buildCalendar } from "./ics.ts";

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
  };

  test("UTC times, a stable UID, CRLF lines folded at 75 octets", () => {
    const ics = buildCalendar("Orbis", [event], "orbis.test");
    expect(ics).toContain("DTSTART:20251126T080000Z\r\n");
    expect(ics).toContain("DTEND:20251126T100000Z\r\n");
    expect(ics).toContain(`UID:${event.id}@orbis.test\r\n`);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("DESCRIPTION:Line one\\nLine two\\; with\\, commas");
    expect(ics.split("\n").every((line) => line === "" || line.endsWith("\r"))).toBe(true);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(buildCalendar("Orbis", [event], "orbis.test")).toContain(`UID:${event.id}@orbis.test`);
  });

  test("the reader's zone is a hint beside exact UTC times", () => {
    const ics = buildCalendar("Orbis", [event], "orbis.test", "Asia/Bishkek");
    expect(ics).toContain("X-WR-TIMEZONE:Asia/Bishkek\r\n");
    expect(ics).toContain("DTSTART:20251126T080000Z\r\n");
    expect(buildCalendar("Orbis", [event], "orbis.test")).not.toContain("X-WR-TIMEZONE");
  });

  test("a cancelled event says so", () => {
    expect(buildCalendar("Orbis", [{ ...event, cancelled: true }], "orbis.test")).toContain("STATUS:CANCELLED");
  });
});
