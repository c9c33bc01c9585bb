import { z } from "zod";
import { locales } from "../../i18n/locales.ts";
import { roles, tokenScopes } from "../shared/actor.ts";
import { displayName, multiLine, singleLine } from "../shared/text.ts";
import { timeZoneSchema } from "../shared/time-zone.ts";
import { contentLocaleSchema, emailSchema, nameSchema } from "../shared/validation.ts";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Whatever was typed, spaces and tabs included: a password is never read as a line of text. */
export const passwordSchema = multiLine(z.string().min(PASSWORD_MIN).max(PASSWORD_MAX));
export const localeSchema = z.enum(locales);

export const signUpInput = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema.nullable().optional(),
});
export type SignUpInput = z.input<typeof signUpInput>;

/** Sign-in checks only that something was typed: the rules for new passwords may change. */
export const signInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: multiLine(z.string().min(1).max(PASSWORD_MAX)),
  clientKey: z.string().max(200),
});
export type SignInInput = z.input<typeof signInInput>;

export const passwordResetRequestInput = z.object({ email: emailSchema, locale: localeSchema });
export const passwordResetInput = z.object({ token: z.string().min(1).max(200), password: passwordSchema });

/** A free-text line of the profile; empty clears it. */
const profileLine = singleLine(z.string().trim().max(200)).transform((text) => text || null);
const regionNames = new Intl.DisplayNames("en", { type: "region", fallback: "none" });

/**
 * Only the fields given change; a null time zone clears it (times are then shown in UTC), as an
 * empty affiliation, position or country does.
 */
export const profileInput = z
  .object({
    name: nameSchema,
    locale: localeSchema,
    timeZone: timeZoneSchema.nullable(),
    affiliation: profileLine.nullable(),
    position: profileLine.nullable(),
    country: z
      .literal("")
      .transform(() => null)
      // One check, not a pattern and then a lookup: Intl throws on a value that is not a region code.
      .or(z.string().refine((code) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined, "validation.countryCode"))
      .nullable(),
    languages: z
      .array(contentLocaleSchema)
      .max(20)
      .transform((codes) => [...new Set(codes)]),
  })
  .partial();
export type ProfileInput = z.input<typeof profileInput>;

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

/** A token lives 90 days unless asked otherwise, a year at most; it may write unless made read-only or admin. */
export const apiTokenInput = z.object({
  name: displayName(z.string().trim().min(1).max(80)),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(API_TOKEN_DEFAULT_DAYS),
  scope: z.enum(tokenScopes).default("write"),
});
export type ApiTokenInput = z.input<typeof apiTokenInput>;

export const roleGrantInput = z.object({ role: z.enum(roles), organisationId: z.uuid().nullable().default(null) });
export type RoleGrantInput = z.input<typeof roleGrantInput>;

export const roleGrantByEmailInput = roleGrantInput.extend({ email: z.email().max(254).toLowerCase() });
export type RoleGrantByEmailInput = z.input<typeof roleGrantByEmailInput>;

/** An organisation's id, or null for the roles held across the network. */
export const teamScopeInput = z.uuid().nullable();

export const createUserInput = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  locale: localeSchema.default("en"),
  roles: z.array(roleGrantInput).max(20),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const listUsersInput = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).default(0),
});
export type ListUsersInput = z.input<typeof listUsersInput>;
