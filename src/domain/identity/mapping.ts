import { defaultLocale, isLocale, type Locale } from "../../i18n/locales.ts";
import type { Actor, Role, RoleGrant } from "../shared/actor.ts";
import type { ApiTokenDto, ProfileDto } from "./dto.ts";
import { type apiTokens, roleAssignments, users } from "./schema.ts";

export const localeOf = (value: string): Locale => (isLocale(value) ? value : defaultLocale);

export function toProfile(user: typeof users.$inferSelect, roles: RoleGrant[]): ProfileDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: localeOf(user.locale),
    timeZone: user.timeZone,
    affiliation: user.affiliation,
    position: user.position,
    country: user.country,
    languages: user.languages,
    emailVerified: user.emailVerifiedAt !== null,
    roles,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toApiToken(row: typeof apiTokens.$inferSelect): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    scope: row.scope,
  };
}

/** What an Actor is made of: a user left-joined with their roles (one row per role). */
export const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  timeZone: users.timeZone,
  emailVerifiedAt: users.emailVerifiedAt,
  role: roleAssignments.role,
  organisationId: roleAssignments.organisationId,
};

type ActorRow = {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string | null;
  emailVerifiedAt: Date | null;
  role: Role | null;
  organisationId: string | null;
};

/** The rows of `actorColumns` folded into one Actor; null when there are none. */
export function actorFrom(rows: ActorRow[]): Actor | null {
  const [first] = rows;
  if (!first) return null;
  return {
    userId: first.id,
    email: first.email,
    name: first.name,
    locale: localeOf(first.locale),
    timeZone: first.timeZone,
    emailVerified: first.emailVerifiedAt !== null,
    roles: rows.flatMap((row) => (row.role ? [{ role: row.role, organisationId: row.organisationId }] : [])),
  };
}
