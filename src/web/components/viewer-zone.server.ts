import { isTimeZone } from "../../domain/events/time.ts";

const COOKIE = "orbis_tz";
const YEAR_S = 365 * 24 * 60 * 60;

/** Every IANA zone the runtime knows, UTC first: the choices of the time-zone form. */
export function timeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

function cookieZone(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(header);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The zone the reader sees times in: `?tz=` when they just chose one (remembered in a cookie for
 * the next pages), else the cookie, else UTC. Pages carry no script, so the browser's own zone is
 * not known to the server.
 */
export function viewerZone(request: Request, secure: boolean): { zone: string; headers: Headers } {
  const headers = new Headers();
  const chosen = new URL(request.url).searchParams.get("tz")?.trim();
  if (chosen && isTimeZone(chosen)) {
    headers.append(
      "Set-Cookie",
      `${COOKIE}=${encodeURIComponent(chosen)}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
    return { zone: chosen, headers };
  }
  const remembered = cookieZone(request);
  return { zone: remembered && isTimeZone(remembered) ? remembered : "UTC", headers };
}
