/**
 * Time-zone arithmetic with Intl alone: events store instants and their organiser's IANA zone;
 * staff type wall-clock times in that zone, readers see them in theirs.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock of `zone` at an instant, as the fields of a UTC date. */
function wallClockMs(instant: Date, zone: string): number {
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** Minutes ahead of UTC in `zone` at an instant (Asia/Bishkek: 360). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  return Math.round((wallClockMs(instant, zone) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time ("2025-11-26T14:00") names in `zone`. A time skipped by a
 * daylight-saving change moves forward with it; a repeated one takes its first occurrence.
 */
export function zonedTimeToInstant(local: string, zone: string): Date | null {
  const m = localPattern.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(asUtc)) return null;
  // The offsets a day either side bracket any change on that day; a time that exists takes the
  // earliest reading that gives it back, a skipped one is read with the offset before the change.
  const before = zoneOffsetMinutes(new Date(asUtc - DAY_MS), zone) * 60_000;
  const after = zoneOffsetMinutes(new Date(asUtc + DAY_MS), zone) * 60_000;
  const fits = [asUtc - before, asUtc - after].filter((t) => wallClockMs(new Date(t), zone) === asUtc);
  return new Date(fits.length ? Math.min(...fits) : asUtc - before);
}

/** The wall-clock time of an instant in `zone`, as a datetime-local value ("2025-11-26T14:00"). */
export function instantToZonedTime(instant: Date, zone: string): string {
  return new Date(wallClockMs(instant, zone)).toISOString().slice(0, 16);
}

const instantPattern = /(Z|[+-]\d{2}:\d{2})$/i;

/** An ISO instant with Z or an offset, else a wall-clock time in `zone`; null when neither. */
export function parseEventTime(value: string, zone: string): Date | null {
  if (instantPattern.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return zonedTimeToInstant(value, zone);
}
