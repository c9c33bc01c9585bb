import crypto from "node:crypto";
import type { CentreInput, OrganisationInput } from "../../src/domain/network/validation.ts";
import type { Actor, RoleGrant } from "../../src/domain/shared/actor.ts";
import type { Services } from "../../src/services.ts";

let sequence = 0;
const next = () => `${++sequence}-${crypto.randomBytes(3).toString("hex")}`;

/** An Actor as identity would resolve it, for service tests that need no account. */
export function actorWith(...roles: RoleGrant[]): Actor {
  const id = next();
  return { userId: crypto.randomUUID(), email: `actor-${id}@orbis.test`, name: `Actor ${id}`, locale: "en", roles };
}

export const secretariat = () => actorWith({ role: "secretariat", organisationId: null });
export const centreAdminOf = (centreId: string) => actorWith({ role: "centre_admin", organisationId: centreId });
export const centreStaffOf = (centreId: string) => actorWith({ role: "centre_staff", organisationId: centreId });
export const learner = () => actorWith({ role: "learner", organisationId: null });

export function centreInput(overrides: Partial<CentreInput> = {}): CentreInput {
  return { kind: "national_centre", name: `Test National Centre ${next()}`, country: "KE", ...overrides };
}

export function organisationInput(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return { kind: "university", name: `Test University ${next()}`, country: "GH", ...overrides };
}

export function createCentre(services: Services, overrides: Partial<CentreInput> = {}) {
  return services.network.createCentre(secretariat(), centreInput(overrides), "en");
}

export function createOrganisation(services: Services, overrides: Partial<OrganisationInput> = {}) {
  return services.network.createOrganisation(secretariat(), organisationInput(overrides), "en");
}
