import { describe, expect, test } from "vitest";
import type { RegistrationRowDto } from "./dto.ts";
import { participantsCsv } from "./report-files.ts";

const row = (name: string): RegistrationRowDto => ({
  id: "r1",
  eventId: "e1",
  status: "registered",
  waitlistPosition: null,
  attendedAt: null,
  name,
  email: "a@example.org",
  institution: null,
  country: "KG",
  registeredAt: "2025-11-20T10:00:00.000Z",
  checkInMethod: null,
});

describe("report downloads", () => {
  test("the participant list is headed in the reader's language, one row a person, formulas neutralised", () => {
    const csv = participantsCsv([row('=cmd|"/c calc"!A1'), row("Smith, Jane")], "en");
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Name,Email,Institution,Country,Status,Registered at,Attended at,Check-in");
    expect(lines[1]).toBe(`"'=cmd|""/c calc""!A1",a@example.org,Unaffiliated,KG,Registered,2025-11-20T10:00:00.000Z,,`);
    expect(lines[2]?.startsWith('"Smith, Jane",')).toBe(true);
  });
});
