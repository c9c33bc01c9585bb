import type { CourseDto } from "../../domain/catalogue/dto.ts";
import { can } from "../../domain/catalogue/permissions.ts";
import type { Actor } from "../../domain/shared/actor.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import type { Option } from "./form-fields.tsx";
import { formText, list, numberOrText } from "./form-values.server.ts";
import { allOrganisations } from "./network-data.server.ts";

/** Blank co-creator rows offered beyond those a course has: enough without script to add rows. */
const spareCoCreatorRows = 2;

export type CourseFormValues = {
  ownerId: string;
  category: string;
  level: string;
  estimatedHours: string;
  licence: string;
  defaultLocale: string;
  subjectTags: string;
  title: string;
  summary: string;
  description: string;
  coCreators: { organisationId: string; role: string }[];
};

const ownerKinds = new Set(["institute", "national_centre", "training_centre"]);

/** Owners the actor may choose (their centres, or every centre for the secretariat) and every co-creator. */
export async function courseFormOptions(services: Services, actor: Actor, locale: Locale) {
  const organisations = await allOrganisations(services, locale);
  const collator = new Intl.Collator(locale);
  const sorted = (options: Option[]) => options.sort((a, b) => collator.compare(a.label, b.label));
  return {
    owners: sorted(
      organisations.filter((o) => ownerKinds.has(o.kind) && can(actor, "course.author", o.id)).map((o) => ({ value: o.id, label: o.name })),
    ),
    organisations: sorted(organisations.map((o) => ({ value: o.id, label: o.name }))),
  };
}

const withSpareRows = (rows: CourseFormValues["coCreators"]) => [
  ...rows,
  ...Array.from({ length: spareCoCreatorRows }, () => ({ organisationId: "", role: "co_developer" })),
];

export function emptyCourseValues(ownerId: string, locale: Locale): CourseFormValues {
  return {
    ownerId,
    category: "teacher_professional_development",
    level: "introductory",
    estimatedHours: "",
    licence: "CC-BY-4.0",
    defaultLocale: locale,
    subjectTags: "",
    title: "",
    summary: "",
    description: "",
    coCreators: withSpareRows([]),
  };
}

export function courseValuesOf(course: CourseDto): CourseFormValues {
  return {
    ownerId: course.owner.id,
    category: course.category,
    level: course.level,
    estimatedHours: String(course.estimatedHours),
    licence: course.licence,
    defaultLocale: course.defaultLocale,
    subjectTags: course.subjectTags.join(", "),
    title: course.title,
    summary: course.summary,
    description: course.description,
    coCreators: withSpareRows(course.coCreators.map((c) => ({ organisationId: c.organisation.id, role: c.role }))),
  };
}

export function courseValuesFromForm(form: FormData): CourseFormValues {
  const coCreators: CourseFormValues["coCreators"] = [];
  for (let i = 0; form.has(`coCreators.${i}.organisationId`); i++) {
    coCreators.push({ organisationId: formText(form, `coCreators.${i}.organisationId`), role: formText(form, `coCreators.${i}.role`) });
  }
  return {
    ownerId: formText(form, "ownerId"),
    category: formText(form, "category"),
    level: formText(form, "level"),
    estimatedHours: formText(form, "estimatedHours"),
    licence: formText(form, "licence"),
    defaultLocale: formText(form, "defaultLocale"),
    subjectTags: formText(form, "subjectTags"),
    title: formText(form, "title"),
    summary: formText(form, "summary"),
    description: String(form.get("description") ?? ""),
    coCreators,
  };
}

/** The details a patch or a new course takes, as the service validates them. */
export function courseDetailsFrom(values: CourseFormValues) {
  return {
    ownerId: values.ownerId,
    category: values.category,
    level: values.level,
    estimatedHours: numberOrText(values.estimatedHours),
    licence: values.licence,
    subjectTags: list(values.subjectTags, /,/),
    coCreators: values.coCreators.filter((c) => c.organisationId),
  };
}

export function courseTextsFrom(values: CourseFormValues) {
  return { title: values.title, summary: values.summary, description: values.description };
}
