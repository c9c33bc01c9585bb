import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { organisationKinds } from "../../domain/network/dto.ts";
import { unauthenticated } from "../../domain/shared/errors.ts";
import { locales } from "../../i18n/locales.ts";

/** OpenAPI security requirement of routes that need a personal API token (or a session). */
export const security = [{ bearer: [] }];

/**
 * An anonymous write hears "sign in" before any complaint about its fields. Who may do what is
 * still decided by the service.
 */
export async function signedIn(request: FastifyRequest) {
  if (!request.actor) throw unauthenticated();
}

/** `?lang=` is read by requestLocale; it is declared so strict query schemas accept it. */
export const lang = { lang: z.enum(locales).optional().describe("Language of texts and messages (else Accept-Language)") };
export const langQuery = z.object(lang).strict();

/** An organisation as other resources name it (owner, centre, co-creator). */
export const organisationRef = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  country: z.string().nullable(),
});
