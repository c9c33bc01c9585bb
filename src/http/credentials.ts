import type { FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../web/session.server.ts";

/**
 * What a request authenticates with: a personal API token (`Authorization: Bearer`), else the
 * session cookie a browser sends. Read the same way by the session lookup and the CSRF check.
 */
export function credentialsOf(request: FastifyRequest): { bearerToken: string | undefined; sessionToken: string | undefined } {
  const header = request.headers.authorization;
  const bearerToken = header?.startsWith("Bearer ") ? header.slice(7).trim() || undefined : undefined;
  return { bearerToken, sessionToken: bearerToken ? undefined : request.cookies[SESSION_COOKIE] };
}
