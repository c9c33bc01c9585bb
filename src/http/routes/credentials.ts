import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { credentialSummaryDto, statusPurposes, verificationReportDto } from "../../domain/credentials/dto.ts";
import { staffStatusSchema, verifyInputSchema } from "../../domain/credentials/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { noContent, routeDocs } from "./common.ts";

const docs = routeDocs("credentials");
const json = z.record(z.string(), z.unknown());
const idParams = z.object({ id: z.uuid() }).strict();

/** Verification (anyone), the wallet (holders) and revocation (staff of the issuer). */
export async function credentialRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { credentials } = options.services;

  app.post(
    "/credentials/verify",
    docs.public("Verify a credential, check by check: format, OB 3.0 schema, issuer DID and key, proof, validity dates, status", {
      body: verifyInputSchema,
      response: { 200: verificationReportDto },
    }),
    async (request) => credentials.verifyCredential(request.body.credential),
  );

  app.get(
    "/me/credentials",
    docs.signedIn("Your credentials (your wallet), newest first", { response: { 200: z.array(credentialSummaryDto) } }),
    async (request) => credentials.myCredentials(request.actor, requestLocale(request)),
  );

  app.get(
    "/credentials/:id",
    docs.open("A credential with its signed document: for its holder, the issuer's staff, or anyone when public", {
      params: idParams,
      response: { 200: credentialSummaryDto.extend({ document: json, holder: z.boolean(), mayManage: z.boolean() }) },
    }),
    async (request) => credentials.getCredential(request.actor, request.params.id, requestLocale(request)),
  );

  app.get(
    "/credentials/:id/file",
    docs.open("Download a credential's signed JSON (as for GET /credentials/:id)", { params: idParams, response: { 200: json } }),
    async (request, reply) => {
      const credential = await credentials.getCredential(request.actor, request.params.id, requestLocale(request));
      return reply
        .header("content-disposition", `attachment; filename="credential-${credential.id}.json"`)
        .type("application/vc+ld+json")
        .send(credential.document);
    },
  );

  app.put(
    "/credentials/:id/visibility",
    docs.signedIn("Show or hide your credential's public page", {
      params: idParams,
      body: z.object({ public: z.boolean() }).strict(),
      response: noContent,
    }),
    async (request, reply) => {
      await credentials.setPublic(request.actor, request.params.id, request.body.public);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/credentials/:id/status",
    docs.signedIn("Revoke (final), suspend or reinstate a credential, with a reason (staff of the issuer); re-signs its status lists", {
      params: idParams,
      body: staffStatusSchema,
      response: noContent,
    }),
    async (request, reply) => {
      await credentials.changeStatus(request.actor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}

/**
 * The documents verifiers fetch, at the addresses credentials name (outside /api/v1): DID
 * documents (did:web), status list credentials, and public credentials by their id URL.
 */
export async function credentialDocumentRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { credentials } = options.services;
  const cache = "public, max-age=60";

  app.get("/.well-known/did.json", docs.public("The site's DID document (did:web)", { response: { 200: json } }), async (_request, reply) =>
    reply
      .header("cache-control", cache)
      .type("application/did+json")
      .send(await credentials.didDocumentFor(null)),
  );

  app.get(
    "/orgs/:slug/did.json",
    docs.public("An organisation's DID document (did:web:<host>:orgs:<slug>)", {
      params: z.object({ slug: z.string().min(1).max(120) }).strict(),
      response: { 200: json },
    }),
    async (request, reply) =>
      reply
        .header("cache-control", cache)
        .type("application/did+json")
        .send(await credentials.didDocumentFor(request.params.slug)),
  );

  app.get(
    "/credentials/status/:listId/:purpose",
    docs.public("A signed Bitstring Status List credential", {
      params: z.object({ listId: z.uuid(), purpose: z.enum(statusPurposes) }).strict(),
      response: { 200: json },
    }),
    async (request, reply) =>
      reply
        .header("cache-control", "public, max-age=30")
        .type("application/vc+ld+json")
        .send(await credentials.statusListCredential(request.params.listId, request.params.purpose)),
  );

  app.get(
    "/credentials/:id",
    docs.public("A public credential's signed document, at its id", { params: idParams, response: { 200: json } }),
    async (request, reply) => reply.type("application/vc+ld+json").send(await credentials.publicCredentialDocument(request.params.id)),
  );
}
