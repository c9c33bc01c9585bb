import { describe, expect, test } from "vitest";
import { instantToZonedTime, parseEventTime, zonedTimeToInstant, zoneOffsetMinutes } from "./time.ts";

describe("event times", () => {
  test("a wall-clock time in Bishkek (UTC+6) is six hours ahead of UTC", () => {
    expect(zonedTimeToInstant("2025-11-26T14:00", "Asia/Bishkek")?.toISOString()).toBe("2025-11-26T08:00:00.000Z");
    expect(zoneOffsetMinutes(new Date("2025-11-26T08:00:00Z"), "Asia/Bishkek")).toBe(360);
    expect(instantToZonedTime(new Date("2025-11-26T08:00:00Z"), "Asia/Bishkek")).toBe("2025-11-26T14:00");
  });

  test("daylight saving is followed, including across the change", () => {
    expect(zonedTimeToInstant("2026-07-01T10:00", "Europe/Belgrade")?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedTimeToInstant("2026-01-15T10:00", "Europe/Belgrade")?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    // 02:30 does not exist on 29 March 2026 in Belgrade: it is read one hour later.
    expect(zonedTimeToInstant("2026-03-29T02:30", "Europe/Belgrade")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 25 October 2026: the first is taken.
    expect(zonedTimeToInstant("2026-10-25T02:30", "Europe/Belgrade")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  test("half-hour zones and instants with offsets", () => {
    expect(zonedTimeToInstant("2026-02-10T09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-02-10T03:30:00.000Z");
    expect(parseEventTime("2026-02-10T09:00:00+05:00", "Africa/Accra")?.toISOString()).toBe("2026-02-10T04:00:00.000Z");
    expect(parseEventTime("2026-02-10T09:00Z", "Asia/Karachi")?.toISOString()).toBe("2026-02-10T09:00:00.000Z");
    expect(parseEventTime("tomorrow", "UTC")).toBeNull();
  });
});
