import crypto from "node:crypto";
import type { Actor, RoleGrant } from "../../src/domain/shared/actor.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import type { Services } from "../../src/services.ts";

export const testPassword = "correct horse battery staple";

/** A real account with the given roles (learner when none), and its password for signing in. */
export async function createUser(services: Services, options: { roles?: RoleGrant[]; locale?: Locale; name?: string } = {}) {
  const email = `user-${crypto.randomBytes(5).toString("hex")}@orbis.test`;
  const user = await services.identity.createUser({
    email,
    name: options.name ?? `Test User ${email.slice(5, 10)}`,
    password: testPassword,
    locale: options.locale ?? "en",
    roles: options.roles ?? [{ role: "learner", organisationId: null }],
  });
  return { user, email, password: testPassword };
}

/** An account and the Actor its session resolves to, for calling services as that person. */
export async function createSignedInUser(services: Services, options: Parameters<typeof createUser>[1] = {}): Promise<Actor> {
  const { email, password } = await createUser(services, options);
  const { actor } = await services.identity.signIn({ email, password, clientKey: "" });
  return actor;
}
