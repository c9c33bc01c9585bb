import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { slugSchema } from "../shared/slugs.ts";
import { displayName, multiLine } from "../shared/text.ts";
import { countryCodeSchema } from "../shared/validation.ts";
import { centreKinds, centreStatuses, governanceRoles, organisationKinds, sitePageSlugs } from "./dto.ts";

const name = displayName(z.string().trim().min(2).max(200));
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Names per locale; `name` stays the canonical one used for uniqueness and fallback. */
export const localisedNamesSchema = z.partialRecord(z.enum(locales), name);

export const partialDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "validation.partialDate");

export const organisationInputSchema = z
  .object({
    slug: slugSchema.optional(),
    kind: z.enum(organisationKinds),
    name,
    names: localisedNamesSchema.optional(),
    country: countryCodeSchema.optional(),
    city: optionalText(120),
    website: z.url().max(300).optional(),
  })
  .strict();
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
/** A patch changes only the fields it names; `null` clears an optional field. */
export const organisationPatchSchema = organisationInputSchema
  .extend({
    country: countryCodeSchema.nullable(),
    city: optionalText(120).nullable(),
    website: z.url().max(300).nullable(),
  })
  .partial()
  .strict();
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;

export const centreInputSchema = z
  .object({
    slug: slugSchema.optional(),
    kind: z.enum(centreKinds),
    name,
    names: localisedNamesSchema.optional(),
    ordinal: z.number().int().min(1).max(10_000).optional(),
    country: countryCodeSchema,
    city: optionalText(120),
    hostOrganisationId: z.uuid().optional(),
    operatorOrganisationId: z.uuid().optional(),
    foundingPartnerIds: z.array(z.uuid()).max(50).optional(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, "validation.languageCode"))
      .max(20)
      .optional(),
    establishedOn: partialDateSchema.optional(),
    focusAreas: z.array(z.string().trim().min(2).max(200)).max(30).optional(),
    status: z.enum(centreStatuses).optional(),
    website: z.url().max(300).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict();
export type CentreInput = z.infer<typeof centreInputSchema>;
export const centrePatchSchema = centreInputSchema
  .extend({
    ordinal: z.number().int().min(1).max(10_000).nullable(),
    city: optionalText(120).nullable(),
    hostOrganisationId: z.uuid().nullable(),
    operatorOrganisationId: z.uuid().nullable(),
    establishedOn: partialDateSchema.nullable(),
    website: z.url().max(300).nullable(),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  })
  .partial()
  .strict();
export type CentrePatch = z.infer<typeof centrePatchSchema>;

export const membershipInputSchema = z
  .object({
    organisationId: z.uuid(),
    joinedOn: partialDateSchema.optional(),
    agreement: optionalText(300),
  })
  .strict();
export type MembershipInput = z.infer<typeof membershipInputSchema>;

export const facilityInputSchema = z
  .object({
    name,
    inauguratedOn: partialDateSchema.optional(),
    partners: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  })
  .strict();
export type FacilityInput = z.infer<typeof facilityInputSchema>;

export const centreFiltersSchema = z
  .object({
    kind: z.enum(centreKinds).optional(),
    subregion: z
      .string()
      .regex(/^[a-z-]{3,40}$/)
      .optional(),
    country: countryCodeSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type CentreFilters = z.input<typeof centreFiltersSchema>;

export const organisationFiltersSchema = z
  .object({
    kind: z.enum(organisationKinds).optional(),
    country: countryCodeSchema.optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type OrganisationFilters = z.input<typeof organisationFiltersSchema>;

/** A term is held by an organisation of the network or, for secretariat posts, by a named person. */
const governanceTermFields = z
  .object({
    year: z.number().int().min(1900).max(2200),
    role: z.enum(governanceRoles),
    holderOrganisationId: z.uuid().optional(),
    holderName: optionalText(200),
  })
  .strict();
export const governanceTermInputSchema = governanceTermFields.refine((t) => t.holderOrganisationId || t.holderName, {
  path: ["holderOrganisationId"],
  message: "network.field.holderRequired",
});
export type GovernanceTermInput = z.infer<typeof governanceTermInputSchema>;
/** `null` clears a holder; the service refuses a patch that would leave the term with neither. */
export const governanceTermPatchSchema = governanceTermFields
  .extend({ holderOrganisationId: z.uuid().nullable(), holderName: optionalText(200).nullable() })
  .partial()
  .strict();
export type GovernanceTermPatch = z.infer<typeof governanceTermPatchSchema>;

/** A site page in one language: the secretariat's plain text (paragraphs split on blank lines). */
export const sitePageInputSchema = z
  .object({
    title: z.string().trim().min(2).max(200),
    body: multiLine(z.string().trim().min(2).max(20_000)),
  })
  .strict();
export const sitePageKeySchema = z.object({ slug: z.enum(sitePageSlugs), locale: z.enum(locales) });
