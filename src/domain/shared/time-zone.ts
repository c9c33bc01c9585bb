import { z } from "zod";

let listed: ReadonlySet<string> | undefined;

/**
 * The runtime's own name for an IANA zone ("asia/bishkek" → "Asia/Bishkek", "Etc/UTC" → "UTC"),
 * or null when it is not one of the zones it lists: offsets such as "+06:00" and made-up names
 * are refused, so a stored zone is always one that the pickers offer.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone || zone.length > 64) return null;
  let name: string;
  try {
    name = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  listed ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return listed.has(name) ? name : null;
}

export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** An IANA zone, stored under the runtime's name for it. */
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((zone, ctx) => {
    const name = canonicalTimeZone(zone);
    if (name === null) ctx.addIssue({ code: "custom", message: "validation.timeZone" });
    return name ?? zone;
  });
