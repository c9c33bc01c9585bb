import { z } from "zod";
import type { Locale, LocalisedText } from "../../i18n/locales.ts";

/**
 * The network module's contract: what its service returns (DTOs, never rows) and takes.
 * HTTP routes, UI loaders and the seed use only these shapes.
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

/** A date known to the day, the month or only the year ("2025", "2025-11", "2025-07-31"). */
export type PartialDate = string;

/** An organisation as other resources name it (owner, centre, co-creator). */
export const organisationRef = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  country: z.string().nullable(),
});

export type OrganisationRef = { id: string; slug: string; name: string; kind: OrganisationKind; country: string | null };

export type OrganisationDto = OrganisationRef & {
  /** The name in every language it has; `name` above is already picked for the reader. */
  names: LocalisedText;
  website: string | null;
  city: string | null;
  createdAt: string;
};

export type FacilityDto = {
  id: string;
  kind: "smart_classroom";
  name: string;
  inauguratedOn: PartialDate | null;
  partners: string[];
};

export type MembershipDto = {
  organisation: OrganisationRef;
  joinedOn: string | null;
  agreement: string | null;
};

export type CentreSummaryDto = {
  id: string;
  slug: string;
  kind: CentreKind;
  name: string;
  ordinal: number | null;
  country: string;
  /** UN geoscheme sub-region key, e.g. "western-africa" (names translated in the network catalogue). */
  subregion: string;
  host: OrganisationRef | null;
  languages: string[];
  establishedOn: PartialDate | null;
  status: CentreStatus;
  memberCount: number;
  /** Map position (degrees): the host city when known, else the country's centre. */
  latitude: number;
  longitude: number;
};

export type CentreDto = CentreSummaryDto & {
  names: LocalisedText;
  city: string | null;
  operator: OrganisationRef | null;
  foundingPartners: OrganisationRef[];
  focusAreas: string[];
  website: string | null;
  facilities: FacilityDto[];
  members: MembershipDto[];
};

export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export type CentreFilters = {
  kind?: CentreKind | undefined;
  subregion?: string | undefined;
  country?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

export type NetworkFigures = {
  centres: number;
  nationalCentres: number;
  trainingCentres: number;
  countries: number;
  partnerInstitutions: number;
  smartClassrooms: number;
};

/** One point of the growth timeline: centres established up to and including a year. */
export type TimelineEntry = {
  year: number;
  established: { slug: string; name: string; country: string; establishedOn: PartialDate }[];
  total: number;
};

export const governanceRoles = ["rotating_presidency", "secretary_general", "deputy_secretary_general", "regional_coordinator"] as const;
export type GovernanceRole = (typeof governanceRoles)[number];

export type GovernanceTermDto = {
  id: string;
  year: number;
  role: GovernanceRole;
  holder: OrganisationRef | null;
  holderName: string | null;
};

export type { Locale };
