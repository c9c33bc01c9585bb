import crypto from "node:crypto";
import type { EventInput } from "../../src/domain/events/validation.ts";
import type { Services } from "../../src/services.ts";
import { secretariat } from "./network.ts";

const HOUR = 60 * 60 * 1000;

/** A valid online workshop of the centre, starting `startsInHours` from `now`, open for registration. */
export function eventInput(centreId: string, now: Date, overrides: Partial<EventInput> = {}, startsInHours = 72): EventInput {
  const start = new Date(now.getTime() + startsInHours * HOUR);
  return {
    kind: "workshop",
    centreId,
    defaultLocale: "en",
    title: `Test workshop ${crypto.randomBytes(3).toString("hex")}`,
    description: "A workshop made by a test.",
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    timeZone: "Asia/Bishkek",
    mode: "online",
    joinUrl: "https://meet.example.org/test",
    ...overrides,
  };
}

export function createEvent(services: Services, centreId: string, now: Date, overrides: Partial<EventInput> = {}, startsInHours = 72) {
  return services.events.createEvent(secretariat(), eventInput(centreId, now, overrides, startsInHours), "en");
}
