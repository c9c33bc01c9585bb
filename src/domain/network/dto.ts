import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { sitePageSlugs } from "./values.ts";

export type { Page } from "../shared/dto.ts";

/**
 * The network module's contract: what its service returns (DTOs, never rows), as Zod schemas the
 * HTTP routes answer with and types inferred from them. HTTP routes, UI loaders and the seed use
 * only these shapes; the UI imports the types and the plain value lists, never the schemas.
 */
export const organisationKinds = [
  "institute",
  "national_centre",
  "training_centre",
  "university",
  "government",
  "international_org",
  "enterprise",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const centreKinds = ["national_centre", "training_centre"] as const satisfies readonly OrganisationKind[];
export type CentreKind = (typeof centreKinds)[number];
/** Organisations whose staff take part (nominated, registered in their name), as opposed to centres and the institute that run things. */
export const institutionKinds = [
  "university",
  "government",
  "international_org",
  "enterprise",
] as const satisfies readonly OrganisationKind[];

export const centreStatuses = ["planned", "active", "suspended", "closed"] as const;
export type CentreStatus = (typeof centreStatuses)[number];

export const facilityKinds = ["smart_classroom"] as const;

export const governanceRoles = ["rotating_presidency", "secretary_general", "deputy_secretary_general", "regional_coordinator"] as const;
export type GovernanceRole = (typeof governanceRoles)[number];

const localisedText = z.partialRecord(z.enum(locales), z.string());
/** A date known to the day, the month or only the year ("2025", "2025-11", "2025-07-31"). */
const partialDate = z.string().describe("YYYY, YYYY-MM or YYYY-MM-DD");

/** An organisation as other resources name it (owner, centre, co-creator). */
export const organisationRef = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  country: z.string().nullable(),
});
export type OrganisationRef = z.infer<typeof organisationRef>;

/** `name` is picked for the reader; `names` holds it in every language it has. */
export const organisationDto = organisationRef.extend({
  names: localisedText,
  website: z.string().nullable(),
  city: z.string().nullable(),
  createdAt: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

export const facilityDto = z.object({
  id: z.uuid(),
  kind: z.literal("smart_classroom"),
  name: z.string(),
  inauguratedOn: partialDate.nullable(),
  partners: z.array(z.string()),
});
export type FacilityDto = z.infer<typeof facilityDto>;

export const membershipDto = z.object({
  organisation: organisationRef,
  joinedOn: partialDate.nullable(),
  agreement: z.string().nullable(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

/** `subregion` is a UN geoscheme key such as "western-africa"; the position is the host city's when known, else the country's. */
export const centreSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(centreKinds),
  name: z.string(),
  ordinal: z.number().int().nullable(),
  country: z.string(),
  subregion: z.string(),
  host: organisationRef.nullable(),
  languages: z.array(z.string()),
  establishedOn: partialDate.nullable(),
  status: z.enum(centreStatuses),
  memberCount: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
});
export type CentreSummaryDto = z.infer<typeof centreSummaryDto>;

export const centreDto = centreSummaryDto.extend({
  names: localisedText,
  city: z.string().nullable(),
  operator: organisationRef.nullable(),
  foundingPartners: z.array(organisationRef),
  focusAreas: z.array(z.string()),
  website: z.string().nullable(),
  facilities: z.array(facilityDto),
  members: z.array(membershipDto),
});
export type CentreDto = z.infer<typeof centreDto>;

export const figuresDto = z.object({
  centres: z.number().int(),
  nationalCentres: z.number().int(),
  trainingCentres: z.number().int(),
  countries: z.number().int(),
  partnerInstitutions: z.number().int(),
  smartClassrooms: z.number().int(),
});
export type NetworkFigures = z.infer<typeof figuresDto>;

/** One point per year of the growth timeline: centres established that year, and up to it. */
export const timelineDto = z.array(
  z.object({
    year: z.number().int(),
    established: z.array(z.object({ slug: z.string(), name: z.string(), country: z.string(), establishedOn: partialDate })),
    total: z.number().int(),
  }),
);
export type TimelineEntry = z.infer<typeof timelineDto>[number];

export const governanceTermDto = z.object({
  id: z.uuid(),
  year: z.number().int(),
  role: z.enum(governanceRoles),
  holder: organisationRef.nullable(),
  holderName: z.string().nullable(),
});
export type GovernanceTermDto = z.infer<typeof governanceTermDto>;

export { type SitePageSlug, sitePageSlugs } from "./values.ts";

export const sitePageDto = z.object({
  slug: z.enum(sitePageSlugs),
  locale: z.enum(locales).describe("Language of title and body: the reader's when written, else English"),
  title: z.string(),
  body: z.string().describe("Plain text; a blank line separates paragraphs"),
  updatedAt: z.string(),
});
export type SitePageDto = z.infer<typeof sitePageDto>;
