import { zoneOffsetMinutes } from "../../domain/events/time.ts";
import type { Actor } from "../../domain/shared/actor.ts";
import { canonicalTimeZone } from "../../domain/shared/time-zone.ts";
import type { Option } from "./form-fields.tsx";
import type { ZonePicker } from "./time-zone-form.tsx";

const COOKIE = "orbis_tz";
const YEAR_S = 365 * 24 * 60 * 60;

/** Every IANA zone the runtime knows, UTC first: the choices of the time-zone selects. */
export function timeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** "+06:00", "-03:30": the offset part of the labels, the same in every language. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The zones as options labelled with their offset at `at` ("Asia/Bishkek (UTC+06:00)"), UTC
 * first, then by name, so the regions stay together and typing "Asia/B" finds Bishkek.
 */
export function timeZoneOptions(at: Date): Option[] {
  // Offsets change only at a zone's daylight-saving switch, which every zone makes on a quarter
  // hour (of UTC, offsets being whole quarters): the ~420 labels are built once a quarter hour,
  // not on every view of a page with the picker.
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  if (built?.quarter !== quarter) {
    const start = new Date(quarter * QUARTER_HOUR_MS);
    built = {
      quarter,
      options: timeZoneChoices().map((zone) => ({ value: zone, label: `${zone} (UTC${offsetText(zoneOffsetMinutes(start, zone))})` })),
    };
  }
  return built.options;
}
const QUARTER_HOUR_MS = 15 * 60 * 1000;
let built: { quarter: number; options: Option[] } | undefined;

function cookieZone(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(header);
  if (!match?.[1]) return null;
  try {
    return canonicalTimeZone(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

type ZoneReader = { secureCookies: boolean; actor: Pick<Actor, "timeZone"> | null };

/**
 * The zone the reader sees times in: a zone they just chose with `?tz=`, else the one saved in
 * their account, else the one remembered in a cookie, else UTC. Pages carry no script, so the
 * browser's own zone is not known to the server. The account's zone outranks the cookie because
 * it follows the person to every device, while the cookie may be another reader's on a shared
 * computer.
 */
function resolveZone(request: Request, actor: ZoneReader["actor"]) {
  const raw = new URL(request.url).searchParams.get("tz")?.trim();
  const chosen = raw ? canonicalTimeZone(raw) : null;
  const saved = actor?.timeZone ? canonicalTimeZone(actor.timeZone) : null;
  return { zone: chosen ?? saved ?? cookieZone(request) ?? "UTC", chosen, saved };
}

/** The reader's zone for pages that show times without the time-zone form. */
export function readerZone(request: Request, app: Pick<ZoneReader, "actor">): string {
  return resolveZone(request, app.actor).zone;
}

export type ViewerZone = { zone: string; headers: Headers; picker: ZonePicker };

/**
 * The reader's zone and the time-zone form's data; a zone just chosen is remembered in a cookie
 * for the next pages, and offered to a signed-in reader to keep in their account.
 */
export function viewerZone(request: Request, app: ZoneReader): ViewerZone {
  const { zone, chosen, saved } = resolveZone(request, app.actor);
  const headers = new Headers();
  if (chosen) {
    headers.append(
      "Set-Cookie",
      `${COOKIE}=${encodeURIComponent(chosen)}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax${app.secureCookies ? "; Secure" : ""}`,
    );
  }
  const offer = app.actor && chosen && chosen !== saved ? chosen : null;
  return { zone, headers, picker: { zone, choices: timeZoneOptions(new Date()), offer } };
}
