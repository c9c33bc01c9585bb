import type { Actor } from "../../domain/shared/actor.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import type { Option } from "./form-fields.tsx";
import { allCentres } from "./network-data.server.ts";

/** Published courses a programme can include, titled in the reader's language when ready. */
export async function publishedCourseOptions(services: Services, locale: Locale): Promise<Option[]> {
  const options: Option[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await services.catalogue.searchCourses({ sort: "title", limit: 100, offset }, locale);
    options.push(...page.items.map((c) => ({ value: c.id, label: `${c.title} — ${c.owner.name}` })));
    if (page.items.length < 100 || options.length >= page.total) return options;
  }
}

/** Centres whose programmes the actor runs. */
export async function programmeCentreOptions(services: Services, actor: Actor, locale: Locale): Promise<Option[]> {
  const centres = await allCentres(services, locale);
  return centres.filter((c) => services.programmes.canManage(actor, c.id)).map((c) => ({ value: c.id, label: c.name }));
}
