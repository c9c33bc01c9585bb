import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";

/**
 * What a learner looks for first, for the home page (the whole network) or a centre's page (one
 * centre): courses in the reader's language first, newest first, topped up with others; upcoming
 * events; programmes (on the home page only those with a cohort coming that one may join). Read through each module's service.
 */
export async function listings(
  services: Services,
  locale: Locale,
  options: { centre?: string; courses: number; events: number; openOnly: boolean },
) {
  const { centre } = options;
  const [inReaderLanguage, newest, events, programmes] = await Promise.all([
    services.catalogue.searchCourses({ lang: locale, centre, sort: "newest", limit: options.courses }, locale),
    services.catalogue.searchCourses({ centre, sort: "newest", limit: options.courses }, locale),
    services.events.listEvents({ period: "upcoming", centre, limit: options.events }, locale),
    services.programmes.listProgrammes({ centre, limit: 20 }, locale),
  ]);
  const courses = [...inReaderLanguage.items];
  for (const course of newest.items) {
    if (courses.length >= options.courses) break;
    if (!courses.some((c) => c.id === course.id)) courses.push(course);
  }
  return {
    courses,
    courseTotal: newest.total,
    events: events.items,
    eventTotal: events.total,
    programmes: programmes.items.filter((p) => !options.openOnly || p.nextCohort !== null).slice(0, options.events),
    programmeTotal: programmes.total,
  };
}
