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
  /**
   * Rendered once for every anonymous reader by the page cache (src/http/web.ts, decision 0017):
   * no nonce (empty), and nothing of this reader's, such as a CSRF cookie, may go into it.
   */
  shared: boolean;
  publicUrl: string;
  secureCookies: boolean;
  /**
   * Set when the page to render is a refusal decided before any route ran (invalid text in the
   * address or form, the database unavailable): the not-found route then answers with this status.
   */
  refusal: { status: number; code: string } | null;
  /** What went wrong while rendering, from the entry's handleError: logged, and a database outage becomes a 503 page. */
  reportError(error: unknown): void;
};

/**
 * The context key. The Fastify adapter takes it from the server build's entry module, never from
 * this file, so both sides share one instance of it.
 */
export const appContext = createContext<AppContext>();
