import type { Locale } from "../../i18n/locales.ts";
import type { RoleGrant } from "../shared/actor.ts";

/** The signed-in person's own view of their account. */
export type ProfileDto = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  /** IANA zone for times shown to this person; null when not chosen. */
  timeZone: string | null;
  roles: RoleGrant[];
  createdAt: string;
};

/** A user as administrators see them in lists. */
export type UserDto = ProfileDto;

export type UserPage = { items: UserDto[]; total: number };

export type ApiTokenDto = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

/** Returned once, when the token is made: only its hash is kept. */
export type NewApiTokenDto = ApiTokenDto & { token: string };
