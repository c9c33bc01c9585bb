import { createContext } from "react-router";
import type { Actor } from "../domain/shared/actor.ts";
import type { Services } from "../services.ts";

/** What every loader and action receives: the domain services and who is asking. */
export type AppContext = {
  services: Services;
  actor: Actor | null;
  /** Raw session token, so the sign-out action can end exactly this session. */
  sessionToken: string | null;
  /** The client's address (behind a proxy, from X-Forwarded-For): the key of sign-in rate limits. */
  clientIp: string;
  cspNonce: string;
  publicUrl: string;
  secureCookies: boolean;
};

/**
 * The context key. The Fastify adapter takes it from the server build's entry module, never from
 * this file, so both sides share one instance of it.
 */
export const appContext = createContext<AppContext>();
