import type { FastifyRequest } from "fastify";
import { z } from "zod";
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

/** The answer of a route that has nothing to send back (204). */
export const noContent = { 204: z.null().describe("Done") };

/** An organisation as other resources name it (declared once, with the network module's contract). */
export { organisationRef } from "../../domain/network/dto.ts";

type RouteSchema = {
  description?: string;
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: unknown;
  consumes?: string[];
};
/** `?lang=` unless the route declares a query of its own (which then includes `lang`). */
type WithLang<S> = S extends { querystring: unknown } ? S : S & { querystring: typeof langQuery };

/**
 * What the routes of one module declare alike: its OpenAPI tag, the bearer scheme (a session
 * cookie works too) and `?lang=`. `open` routes may be called anonymously (the service still
 * decides what each caller sees); `signedIn` ones answer an anonymous call with 401 first.
 */
export function routeDocs(tag: string) {
  const tags = [tag];
  function schemaOf<S extends RouteSchema>(
    summary: string,
    schema: S,
    secured: boolean,
  ): { tags: string[]; summary: string } & WithLang<S> {
    const shared = { tags, ...(secured ? { security } : {}), summary, querystring: langQuery };
    return { ...shared, ...schema } as unknown as { tags: string[]; summary: string } & WithLang<S>;
  }
  return {
    /** For the few routes that declare their schema by hand (uploads, files). */
    tags,
    /** Anyone, no credentials needed. */
    public: <S extends RouteSchema>(summary: string, schema: S) => ({ schema: schemaOf(summary, schema, false) }),
    /** Anyone; a token or session changes what the service shows or allows. */
    open: <S extends RouteSchema>(summary: string, schema: S) => ({ schema: schemaOf(summary, schema, true) }),
    /** Callers who are signed in. */
    signedIn: <S extends RouteSchema>(summary: string, schema: S) => ({ preValidation: signedIn, schema: schemaOf(summary, schema, true) }),
  };
}
