import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiTokenDto, newApiTokenDto, profileDto, teamDto, userPageDto } from "../../domain/identity/dto.ts";
import {
  apiTokenInput,
  type listUsersInput,
  localeSchema,
  passwordResetInput,
  profileInput,
  roleGrantByEmailInput,
  roleGrantInput,
  signUpInput,
} from "../../domain/identity/validation.ts";
import { roles } from "../../domain/shared/actor.ts";
import { multiLine } from "../../domain/shared/text.ts";
import type { Services } from "../../services.ts";
import { sessionCookie } from "../../web/session.server.ts";
import { requestLocale } from "../request-locale.ts";
import { lang, noContent, routeDocs } from "./common.ts";

const docs = routeDocs("identity");

const idParams = z.object({ id: z.uuid() }).strict();

const credentials = { email: z.string().max(254), password: multiLine(z.string().max(200)) };

/** Browsers that call the API directly (sign-up, reset) are signed in the same way the UI does it. */
function startBrowserSession(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.header("set-cookie", sessionCookie(token, request.server.secureCookies));
}

export async function identityRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const identity = options.services.identity;

  app.post(
    "/auth/sign-up",
    docs.public(
      "Create an account (a learner): a link to confirm the address is mailed, and it signs the person in. The answer is the same when the address already has an account (its owner is mailed instead), so it tells nobody which addresses have accounts",
      {
        body: signUpInput.extend({ locale: localeSchema.optional() }).strict(),
        response: { 202: z.object({ status: z.literal("accepted") }) },
      },
    ),
    async (request, reply) => {
      const locale = requestLocale(request);
      await identity.signUp({ ...request.body, locale: request.body.locale ?? locale }, request.ip);
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/auth/email-verification",
    docs.public(
      "Use an emailed confirmation link's token: a sign-up link proves the address and starts a browser session; a change link moves the account to the new address",
      { body: z.object({ token: z.string().max(200) }).strict(), response: { 200: z.object({ purpose: z.enum(["sign_up", "change"]) }) } },
    ),
    async (request, reply) => {
      const { purpose, sessionToken } = await identity.verifyEmail(request.body);
      if (sessionToken) startBrowserSession(request, reply, sessionToken);
      return { purpose };
    },
  );

  app.post(
    "/auth/tokens",
    docs.public("Exchange email and password for a personal API token (rate limited like sign-in; scope write and 90 days unless asked)", {
      body: apiTokenInput.extend(credentials).strict(),
      response: { 201: newApiTokenDto },
    }),
    async (request, reply) => reply.status(201).send(await identity.issueApiToken({ ...request.body, clientKey: request.ip })),
  );

  app.post(
    "/auth/password-reset",
    docs.public("Email a password reset link, if the address has an account (the answer is the same either way)", {
      body: z.object({ email: z.string().max(254), locale: localeSchema.optional() }).strict(),
      response: { 202: z.object({ status: z.literal("accepted") }) },
    }),
    async (request, reply) => {
      const locale = requestLocale(request);
      await identity.requestPasswordReset({ email: request.body.email, locale: request.body.locale ?? locale });
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  app.post(
    "/auth/password-reset/complete",
    docs.public("Set a new password with the emailed token; ends every other session", {
      body: passwordResetInput.strict(),
      response: noContent,
    }),
    async (request, reply) => {
      const { sessionToken } = await identity.resetPassword(request.body);
      startBrowserSession(request, reply, sessionToken);
      return reply.status(204).send(null);
    },
  );

  app.get("/me", docs.signedIn("The signed-in account", { response: { 200: profileDto } }), async (request) => identity.me(request.actor));

  app.patch(
    "/me",
    docs.signedIn("Change your name, language or time zone (an IANA name such as Asia/Bishkek; null clears it)", {
      body: profileInput.strict(),
      response: { 200: profileDto },
    }),
    async (request) => identity.updateProfile(request.actor, request.body),
  );

  app.post(
    "/me/email",
    docs.signedIn(
      "Ask to move your account to another address (your password confirms it); it changes when the link mailed there is used",
      {
        body: z.object({ email: z.string().max(254), currentPassword: z.string().max(200), locale: localeSchema.optional() }).strict(),
        response: { 202: z.object({ pendingEmail: z.string() }) },
      },
    ),
    async (request, reply) =>
      reply
        .status(202)
        .send(await identity.requestEmailChange(request.actor, { ...request.body, locale: request.body.locale ?? requestLocale(request) })),
  );

  app.post(
    "/me/email-verification",
    docs.signedIn(
      "Mail the confirmation link again (to the address waiting for a change, else to an unconfirmed account address); three in 15 minutes",
      {
        response: { 202: z.object({ sentTo: z.string().nullable() }) },
      },
    ),
    async (request, reply) => reply.status(202).send(await identity.resendVerification(request.actor, requestLocale(request))),
  );

  app.get(
    "/me/tokens",
    docs.signedIn("Your personal API tokens (never the secrets)", {
      response: { 200: z.array(apiTokenDto) },
    }),
    async (request) => identity.listApiTokens(request.actor),
  );

  app.post(
    "/me/tokens",
    docs.signedIn("Create a personal API token (signed in with a session: a token cannot make tokens)", {
      body: apiTokenInput.strict(),
      response: { 201: newApiTokenDto },
    }),
    async (request, reply) => reply.status(201).send(await identity.createApiToken(request.actor, request.body)),
  );

  app.delete(
    "/me/tokens/:id",
    docs.signedIn("Revoke one of your API tokens", { params: idParams, response: noContent }),
    async (request, reply) => {
      await identity.revokeApiToken(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/users",
    docs.signedIn("Find accounts by name or email (platform admins, secretariat)", {
      querystring: z
        .object({
          ...lang,
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        })
        .strict(),
      response: { 200: userPageDto },
    }),
    async (request) => {
      const { lang: _, ...filters } = request.query;
      return identity.listUsers(request.actor, filters satisfies z.input<typeof listUsersInput>);
    },
  );

  app.post(
    "/users/:id/roles",
    docs.signedIn("Grant a role (global staff; centre and institution admins within their own organisation)", {
      params: idParams,
      body: roleGrantInput.strict(),
      response: { 200: profileDto },
    }),
    async (request) => identity.grantRole(request.actor, request.params.id, request.body),
  );

  app.delete(
    "/users/:id/roles",
    docs.signedIn("Take a role away (same rules as granting); the role is given in the query", {
      params: idParams,
      querystring: z.object({ ...lang, role: z.enum(roles), organisationId: z.uuid().optional() }).strict(),
      response: { 200: profileDto },
    }),
    async (request) => {
      const { role, organisationId } = request.query;
      return identity.revokeRole(request.actor, request.params.id, { role, organisationId: organisationId ?? null });
    },
  );

  app.get(
    "/team",
    docs.signedIn("The people holding roles in one organisation, or (without organisationId) across the network", {
      querystring: z.object({ ...lang, organisationId: z.uuid().optional() }).strict(),
      response: { 200: teamDto },
    }),
    async (request) => {
      const organisationId = request.query.organisationId ?? null;
      const items = await identity.teamOf(request.actor, organisationId);
      return { items, grantableRoles: await identity.grantableRoles(request.actor, organisationId) };
    },
  );

  app.post(
    "/team/roles",
    docs.signedIn("Grant a role to the account with this email address (same rules as granting by id)", {
      body: roleGrantByEmailInput.strict(),
      response: { 200: profileDto },
    }),
    async (request) => identity.grantRoleByEmail(request.actor, request.body),
  );
}
