import type { Role } from "../domain/shared/actor.ts";
import type { Locale } from "../i18n/locales.ts";

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

/** What the README lists: who to sign in as, and what they may do. */
export const demoLogins = demoPeople.map(({ email, roles }) => ({
  email,
  password: demoPassword,
  roles: roles.map((r) => (r.organisation ? `${r.role} (${r.organisation})` : r.role)).join(", "),
}));
