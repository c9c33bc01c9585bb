import { Link } from "react-router";
import type { EventSummaryDto } from "../../domain/events/dto.ts";
import type { ProgrammeSummaryDto } from "../../domain/programmes/dto.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import { useEventFormat } from "./event-format.ts";
import { useProgrammeFormat } from "./programme-format.ts";
import { ShownLanguageNote } from "./shown-language-note.tsx";

/** Upcoming events as a short list of cards: title, when (in the reader's zone), where, in which languages. */
export function EventList({ events, zone }: { events: EventSummaryDto[]; zone: string }) {
  const href = useHref();
  const t = useT();
  const locale = useLocale();
  const names = useEventFormat();
  return (
    <ul className="listing">
      {events.map((event) => (
        <li key={event.id} className="listing-item">
          <p className="listing-when">
            <time dateTime={event.startsAt}>{names.short(event.startsAt, zone)}</time>
          </p>
          <h3>
            <Link to={href(`/events/${event.slug}`)}>
              <bdi lang={event.shownLocale}>{event.title}</bdi>
            </Link>
          </h3>
          {event.shownLocale !== locale && (
            <p className="language-note">{t("events.card.shownIn", { language: names.language(event.shownLocale) })}</p>
          )}
          <p className="meta">
            <span className="badge">{names.kind(event.kind)}</span> {names.mode(event.mode)} · <bdi>{event.centre.name}</bdi>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Programmes with a cohort coming: title, who runs it, when the next cohort starts and how one joins. */
export function ProgrammeList({ programmes }: { programmes: ProgrammeSummaryDto[] }) {
  const href = useHref();
  const t = useT();
  const format = useProgrammeFormat();
  return (
    <ul className="listing">
      {programmes.map((programme) => (
        <li key={programme.id} className="listing-item">
          {programme.nextCohort && (
            <p className="listing-when">
              {t("programmes.list.next", {
                date: format.day(programme.nextCohort.startsOn),
                mode: format.mode(programme.nextCohort.enrolmentMode),
                language: format.language(programme.nextCohort.locale),
              })}
            </p>
          )}
          <h3>
            <Link to={href(`/programmes/${programme.slug}`)}>
              <bdi lang={programme.shownLocale}>{programme.title}</bdi>
            </Link>
          </h3>
          <ShownLanguageNote shownLocale={programme.shownLocale} />
          <p className="meta">
            <bdi>{programme.owner.name}</bdi> · {t("programmes.list.courseCount", { count: programme.courseCount })}
          </p>
        </li>
      ))}
    </ul>
  );
}
