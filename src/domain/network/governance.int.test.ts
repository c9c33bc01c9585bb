import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  actorWith,
  centreAdminOf,
  centreStaffOf,
  createCentre,
  createOrganisation,
  learner,
  secretariat,
} from "../../../tests/factories/network.ts";
import { refusal } from "../../../tests/support/refusal.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import type { DomainError } from "../shared/errors.ts";
import type { OrganisationDto } from "./dto.ts";
import { governanceTerms } from "./schema.ts";

let runtime: TestRuntime;
let university: OrganisationDto;
const network = () => runtime.services.network;

beforeAll(async () => {
  runtime = await createTestRuntime();
  university = await createOrganisation(runtime.services, {
    name: "Governance Test University",
    names: { ar: "جامعة اختبار الحوكمة" },
    country: "PK",
  });
});
afterAll(async () => {
  await runtime.close();
});

/** Every stored term, to show that a refused call changed nothing. */
const storedTerms = () => runtime.database.db.select().from(governanceTerms).orderBy(asc(governanceTerms.id));

describe("governance terms", () => {
  test("the secretariat records, corrects and removes a term; readers see it in their language", async () => {
    const term = await network().addGovernanceTerm(
      secretariat(),
      {
        year: 2030,
        role: "rotating_presidency",
        holderOrganisationId: university.id,
      },
      "en",
    );
    expect(term).toMatchObject({ year: 2030, role: "rotating_presidency", holderName: null, holder: { slug: university.slug } });

    const inArabic = await network().governance("ar");
    expect(inArabic.find((t) => t.id === term.id)?.holder?.name).toBe("جامعة اختبار الحوكمة");
    expect(await network().getGovernanceTerm(secretariat(), term.id, "en")).toEqual(term);

    const moved = await network().updateGovernanceTerm(secretariat(), term.id, { year: 2031 }, "en");
    expect(moved).toEqual({ ...term, year: 2031 });

    // A secretariat post held by a person: the organisation is cleared, the name kept.
    const person = await network().updateGovernanceTerm(
      secretariat(),
      term.id,
      {
        role: "secretary_general",
        holderOrganisationId: null,
        holderName: "  Dr. Demo Person (fictional)  ",
      },
      "en",
    );
    expect(person).toMatchObject({ year: 2031, role: "secretary_general", holder: null, holderName: "Dr. Demo Person (fictional)" });

    await network().removeGovernanceTerm(secretariat(), term.id);
    expect((await network().governance("en")).map((t) => t.id)).not.toContain(term.id);
    await expect(network().removeGovernanceTerm(secretariat(), term.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  test("only the secretariat (and platform admins) write governance; nothing changes for anyone else", async () => {
    const centre = await createCentre(runtime.services, { country: "PK", hostOrganisationId: university.id });
    const term = await network().addGovernanceTerm(
      secretariat(),
      {
        year: 2040,
        role: "regional_coordinator",
        holderName: "Coordinator A",
      },
      "en",
    );
    const before = await storedTerms();
    const outsiders = [null, learner(), centreAdminOf(centre.id), centreStaffOf(centre.id)];
    for (const actor of outsiders) {
      const code = actor ? "forbidden" : "unauthenticated";
      const input = { year: 2041, role: "rotating_presidency", holderOrganisationId: university.id };
      await expect(network().addGovernanceTerm(actor, input, "en")).rejects.toMatchObject({ code });
      await expect(network().updateGovernanceTerm(actor, term.id, { year: 2041 }, "en")).rejects.toMatchObject({ code });
      await expect(network().removeGovernanceTerm(actor, term.id)).rejects.toMatchObject({ code });
      await expect(network().getGovernanceTerm(actor, term.id, "en")).rejects.toMatchObject({ code });
    }
    expect(await storedTerms()).toEqual(before);

    const platformAdmin = actorWith({ role: "platform_admin", organisationId: null });
    const admin = await network().updateGovernanceTerm(platformAdmin, term.id, { holderName: "Coordinator B" }, "en");
    expect(admin.holderName).toBe("Coordinator B");
  });

  test("bad input is refused with the field to correct, in the caller's language, and changes nothing", async () => {
    const term = await network().addGovernanceTerm(secretariat(), { year: 2050, role: "secretary_general", holderName: "Someone" }, "en");
    const before = await storedTerms();
    const refusedAdd = async (input: unknown, field: string) => {
      const error = await network()
        .addGovernanceTerm(secretariat(), input, "fr")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "validation_failed", status: 400 });
      expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(field);
      return error as DomainError;
    };
    await refusedAdd({ year: 1800, role: "rotating_presidency", holderName: "X" }, "year");
    await refusedAdd({ year: "2051", role: "rotating_presidency", holderName: "X" }, "year");
    await refusedAdd({ year: 2051, role: "emperor", holderName: "X" }, "role");
    await refusedAdd({ year: 2051, role: "rotating_presidency", holderOrganisationId: "not-a-uuid" }, "holderOrganisationId");
    await refusedAdd({ year: 2051, role: "rotating_presidency", holderOrganisationId: crypto.randomUUID() }, "holderOrganisationId");
    await refusedAdd({ year: 2051, role: "rotating_presidency", holderName: "X", extra: 1 }, "");
    const noHolder = await refusedAdd({ year: 2051, role: "rotating_presidency", holderName: "   " }, "holderOrganisationId");
    expect(translateError(noHolder, "fr").fields[0]?.message).toBe(
      "Choisissez l’organisation titulaire du mandat ou indiquez le nom de la personne.",
    );

    const refusedUpdate = (id: string, patch: unknown) => network().updateGovernanceTerm(secretariat(), id, patch, "en");
    expect(await refusal(refusedUpdate(term.id, { holderName: null }), "en")).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "holderOrganisationId", message: "Choose the organisation that holds the term, or write the holder’s name." }],
    });
    await expect(refusedUpdate(term.id, { year: 3000 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(refusedUpdate(term.id, { holderOrganisationId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ path: "holderOrganisationId" }],
    });
    await expect(refusedUpdate(term.id, { id: crypto.randomUUID() })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(refusedUpdate("not-a-uuid", { year: 2051 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(refusedUpdate(crypto.randomUUID(), { year: 2051 })).rejects.toMatchObject({ code: "not_found" });
    await expect(network().removeGovernanceTerm(secretariat(), "not-a-uuid")).rejects.toMatchObject({ code: "validation_failed" });
    expect(await storedTerms()).toEqual(before);
  });

  test("one rotating presidency a year, while secretariat posts may be shared", async () => {
    const other = await createOrganisation(runtime.services, { name: "Second Presidency University" });
    await network().addGovernanceTerm(
      secretariat(),
      { year: 2060, role: "rotating_presidency", holderOrganisationId: university.id },
      "en",
    );
    const next = await network().addGovernanceTerm(
      secretariat(),
      {
        year: 2061,
        role: "rotating_presidency",
        holderOrganisationId: other.id,
      },
      "en",
    );
    const before = await storedTerms();

    const taken = {
      code: "conflict",
      status: 409,
      fields: [{ path: "year", message: "Another organisation already holds the rotating presidency in this year." }],
    };
    expect(
      await refusal(
        network().addGovernanceTerm(secretariat(), { year: 2060, role: "rotating_presidency", holderOrganisationId: other.id }, "en"),
      ),
    ).toMatchObject(taken);
    expect(await refusal(network().updateGovernanceTerm(secretariat(), next.id, { year: 2060 }, "en"))).toMatchObject(taken);
    expect(await storedTerms()).toEqual(before);

    await network().addGovernanceTerm(secretariat(), { year: 2060, role: "regional_coordinator", holderName: "Coordinator East" }, "en");
    await network().addGovernanceTerm(secretariat(), { year: 2060, role: "regional_coordinator", holderName: "Coordinator West" }, "en");
    const coordinators = (await network().governance("en")).filter((t) => t.year === 2060 && t.role === "regional_coordinator");
    expect(coordinators.map((t) => t.holderName)).toEqual(["Coordinator East", "Coordinator West"]);
  });
});

describe("who may look after a centre's smart classrooms", () => {
  test("the secretariat and the centre's own admin and staff, nobody else", async () => {
    const centre = await createCentre(runtime.services);
    const elsewhere = await createCentre(runtime.services);
    expect(network().canManageFacilities(secretariat(), centre.id)).toBe(true);
    expect(network().canManageFacilities(centreAdminOf(centre.id), centre.id)).toBe(true);
    expect(network().canManageFacilities(centreStaffOf(centre.id), centre.id)).toBe(true);
    expect(network().canManageFacilities(centreStaffOf(elsewhere.id), centre.id)).toBe(false);
    expect(network().canManageFacilities(learner(), centre.id)).toBe(false);
    expect(network().canManageFacilities(null, centre.id)).toBe(false);
  });
});
