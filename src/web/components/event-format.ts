import { useMemo } from "react";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useLocale, useT } from "../i18n.tsx";

/**
 * Event vocabulary and times in the page's language. Times are always shown with their zone's
 * name, in the zone the reader chose (or the organiser's, to show their local time).
 */
export function useEventFormat() {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => {
    const languageNames = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
    const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
    const language = (code: string) => languageNames.of(code) ?? code;
    const dateTime = (iso: string, zone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" }) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }).format(new Date(iso));
    const time = (iso: string, zone: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date(iso));
    return {
      language,
      languages: (codes: string[]) => list.format(codes.map(language)),
      kind: (kind: string) => t(`events.kind.${kind}` as MessageId),
      mode: (mode: string) => t(`events.mode.${mode}` as MessageId),
      status: (status: string) => t(`events.status.${status}` as MessageId),
      role: (role: string) => t(`events.role.${role}` as MessageId),
      registration: (status: string) => t(`events.registration.${status}` as MessageId),
      dateTime,
      /** "Wednesday 26 November 2025, 14:00 – 16:00 GMT+6" in the given zone. */
      range: (startsAt: string, endsAt: string, zone: string) =>
        t("events.event.range", { start: dateTime(startsAt, zone), end: time(endsAt, zone) }),
      // dateStyle cannot be combined with timeZoneName, so the fields are named one by one.
      short: (iso: string, zone: string) =>
        dateTime(iso, zone, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
    };
  }, [locale, t]);
}
