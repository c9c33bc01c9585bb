import { z } from "zod";
import { type Locale, locales } from "../../i18n/locales.ts";
import { roles, tokenScopes } from "../shared/actor.ts";

/** The identity module's contract: accounts, roles and personal API tokens as the API answers them. */

export const roleGrantDto = z.object({ role: z.enum(roles), organisationId: z.uuid().nullable() });

/** The signed-in person's own view of their account; also a user as administrators see them. */
export const profileDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(locales),
  timeZone: z.string().nullable().describe("IANA zone times are shown in (web pages, event emails); null when not chosen"),
  affiliation: z.string().nullable().describe("The institution or organisation they work or study at, as they write it"),
  position: z.string().nullable(),
  country: z.string().nullable().describe("ISO 3166-1 alpha-2"),
  languages: z.array(z.string()).describe("Languages they read or teach in (ISO 639 codes)"),
  emailVerified: z.boolean().describe("Whether the address has been proven by the link mailed to it"),
  pendingEmail: z
    .string()
    .nullable()
    .optional()
    .describe("(Your own account only) the new address waiting for its link to be used; the account keeps `email` until then"),
  roles: z.array(roleGrantDto),
  createdAt: z.string(),
});
export type ProfileDto = z.infer<typeof profileDto>;
export type UserDto = ProfileDto;

export const userPageDto = z.object({ items: z.array(profileDto), total: z.number().int() });
export type UserPage = z.infer<typeof userPageDto>;

/** An organisation's team (or the network-wide staff) and the roles the viewer may grant there. */
export const teamDto = z.object({ items: z.array(profileDto), grantableRoles: z.array(z.enum(roles)) });

export const apiTokenDto = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
  scope: z.enum(tokenScopes).describe("read: reads only; write: also changes data; admin: also roles and accounts"),
});
export type ApiTokenDto = z.infer<typeof apiTokenDto>;

/** Returned once, when the token is made: only its hash is kept. */
export const newApiTokenDto = apiTokenDto.extend({
  token: z.string().describe("Shown only in this response; send as `Authorization: Bearer <token>`"),
});
export type NewApiTokenDto = z.infer<typeof newApiTokenDto>;

/** An account made for someone another module named (a nominee), with the secret of the link that lets them set a password. */
export type InvitedAccount = { userId: string; email: string; name: string; locale: Locale; token: string };
