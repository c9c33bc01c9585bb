import { describe, expect, test } from "vitest";
import { translateError } from "../../i18n/error-messages.ts";
import { DomainError } from "./errors.ts";
import { canonicalTimeZone, isTimeZone, timeZoneSchema } from "./time-zone.ts";
import { parseInput } from "./validation.ts";

describe("time zones", () => {
  test("IANA names the runtime lists, under its own spelling", () => {
    expect(isTimeZone("Africa/Nairobi")).toBe(true);
    expect(canonicalTimeZone("asia/bishkek")).toBe("Asia/Bishkek");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
  });

  test("made-up names, offsets and empty strings are refused", () => {
    for (const zone of ["Mars/Olympus", "+06:00", "", "x".repeat(65)]) expect(isTimeZone(zone)).toBe(false);
  });

  test("the schema stores the canonical name and refuses others with a translated message", () => {
    expect(parseInput(timeZoneSchema, " asia/bishkek ")).toBe("Asia/Bishkek");
    try {
      parseInput(timeZoneSchema, "Mars/Olympus");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(translateError(error as DomainError, "ru").fields[0]?.message).toBe("Выберите часовой пояс из списка, например Asia/Bishkek.");
    }
  });
});
