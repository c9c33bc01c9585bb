import type { Role } from "../domain/shared/actor.ts";
import type { Locale } from "../i18n/locales.ts";
import { type Seed, system } from "./context.ts";

/** Every demo account has this password; listed in the README. Never use it outside a demo. */
export const demoPassword = "orbis-demo-2026";

export type DemoPerson = {
  email: string;
  name: string;
  locale?: Locale;
  /** The role, and the slug of the organisation it is held in (null: global). */
  roles: { role: Role; organisation: string | null }[];
};

/** Fictional people, one per kind of user, so each journey can be tried with the demo data. */
export const demoPeople: DemoPerson[] = [
  { email: "admin@orbis.example", name: "Ada Admin (demo)", roles: [{ role: "platform_admin", organisation: null }] },
  { email: "secretariat@orbis.example", name: "Sam Secretariat (demo)", roles: [{ role: "secretariat", organisation: null }] },
  {
    email: "kg.admin@orbis.example",
    name: "Aida Centre-Admin (demo)",
    locale: "ru",
    roles: [{ role: "centre_admin", organisation: "iioe-kyrgyzstan" }],
  },
  { email: "gh.admin@orbis.example", name: "Kofi Centre-Admin (demo)", roles: [{ role: "centre_admin", organisation: "iioe-ghana" }] },
  { email: "ke.staff@orbis.example", name: "Wanjiru Centre-Staff (demo)", roles: [{ role: "centre_staff", organisation: "iioe-kenya" }] },
  {
    email: "author.kg@orbis.example",
    name: "Bakyt Course-Author (demo)",
    locale: "ru",
    roles: [{ role: "author", organisation: "iioe-kyrgyzstan" }],
  },
  { email: "reviewer@orbis.example", name: "Rahel Reviewer (demo)", roles: [{ role: "reviewer", organisation: null }] },
  {
    email: "translator.ru@orbis.example",
    name: "Timur Translator (demo)",
    locale: "ru",
    roles: [{ role: "translator", organisation: null }],
  },
  {
    email: "institution.admin@orbis.example",
    name: "Ngozi Institution-Admin (demo)",
    roles: [{ role: "institution_admin", organisation: "demo-university-of-the-savannah-fictional" }],
  },
  { email: "learner@orbis.example", name: "Lena Learner (demo)", roles: [{ role: "learner", organisation: null }] },
  { email: "learner.ar@orbis.example", name: "Layla Learner (demo)", locale: "ar", roles: [{ role: "learner", organisation: null }] },
];

/**
 * The demo accounts, each made once: one that is there already is left as it is, so a run that
 * stopped half way is completed.
 */
export async function seedPeople(seed: Seed): Promise<boolean> {
  const { identity, network } = seed.services;
  let added = false;
  for (const person of demoPeople) {
    const { items } = await identity.listUsers(system, { q: person.email });
    if (items.some((user) => user.email === person.email)) continue;
    const roles = [];
    for (const { role, organisation } of person.roles) {
      roles.push({ role, organisationId: organisation ? (await network.getOrganisation(organisation, "en")).id : null });
    }
    await identity.createUser({ email: person.email, name: person.name, password: demoPassword, locale: person.locale, roles });
    added = true;
  }
  return added;
}

/**
 * The start message's list of demo sign-ins, when the demo accounts are in the database: the
 * address, then the role, one a line (the password is the same for all).
 */
export async function demoSignIns(services: Pick<Seed["services"], "identity">): Promise<string[]> {
  const { items } = await services.identity.listUsers(system, { q: "@orbis.example", limit: 100 });
  const present = new Set(items.map((user) => user.email));
  return demoPeople
    .filter((person) => present.has(person.email))
    .map((person) => `  ${person.email.padEnd(34)} ${person.roles.map((r) => r.role.replace("_", " ")).join(", ")}`);
}
