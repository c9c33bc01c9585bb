import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  actorWith,
  centreAdminOf,
  centreInput,
  centreStaffOf,
  createCentre,
  createOrganisation,
  learner,
  organisationInput,
  secretariat,
} from "../../../tests/factories/network.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";
import type { DomainError } from "../shared/errors.ts";
import { centres, memberships, organisations } from "./schema.ts";

let runtime: TestRuntime;
const network = () => runtime.services.network;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

async function rowCounts() {
  const db = runtime.database.db;
  const [[o], [c], [m]] = await Promise.all([
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(centres),
    db.select({ n: count() }).from(memberships),
  ]);
  return { organisations: o!.n, centres: c!.n, memberships: m!.n };
}

describe("centres", () => {
  test("a centre created by the secretariat is listed, found by each filter and by its names in any language", async () => {
    const host = await createOrganisation(runtime.services, { name: "Filter Test Host University", country: "UZ" });
    const centre = await network().createCentre(
      secretariat(),
      centreInput({
        name: "Filter Test Centre",
        names: { ru: "Фильтр-тест центр", zh: "过滤测试中心" },
        country: "UZ",
        hostOrganisationId: host.id,
        foundingPartnerIds: [host.id],
      }),
      "en",
    );
    expect(centre).toMatchObject({
      slug: "filter-test-centre",
      kind: "national_centre",
      country: "UZ",
      subregion: "central-asia",
      status: "active",
    });
    expect(centre.host?.slug).toBe(host.slug);
    expect(centre.foundingPartners.map((p) => p.id)).toEqual([host.id]);

    const slugs = async (filters: Parameters<ReturnType<typeof network>["listCentres"]>[0]) =>
      (await network().listCentres(filters, "en")).items.map((c) => c.slug);
    expect(await slugs({ country: "UZ" })).toEqual([centre.slug]);
    expect(await slugs({ subregion: "central-asia" })).toContain(centre.slug);
    expect(await slugs({ subregion: "western-africa" })).not.toContain(centre.slug);
    expect(await slugs({ kind: "training_centre" })).not.toContain(centre.slug);
    expect(await slugs({ kind: "national_centre", q: "filter TEST" })).toEqual([centre.slug]);
    expect(await slugs({ q: "фильтр" })).toEqual([centre.slug]);
    expect(await slugs({ q: "过滤" })).toEqual([centre.slug]);
    expect(await slugs({ q: "%" })).toEqual([]);
    expect(await network().listSubregions()).toContain("central-asia");
  });

  test("names follow the reader's language and fall back to the canonical name", async () => {
    const centre = await createCentre(runtime.services, { name: "Localised Centre", names: { fr: "Centre localisé" } });
    expect((await network().getCentre(centre.slug, "fr")).name).toBe("Centre localisé");
    expect((await network().getCentre(centre.slug, "ar")).name).toBe("Localised Centre");
    const [summary] = (await network().listCentres({ q: "localis" }, "fr")).items;
    expect(summary?.name).toBe("Centre localisé");
  });

  test("the map position is the host city when given, else the country's", async () => {
    const withCity = await createCentre(runtime.services, { country: "GH", latitude: 5.1, longitude: -1.25 });
    const withoutCity = await createCentre(runtime.services, { country: "GH" });
    expect([withCity.latitude, withCity.longitude]).toEqual([5.1, -1.25]);
    expect([withoutCity.latitude, withoutCity.longitude]).toEqual([8, -2]);
  });

  test("the list is paginated with a total", async () => {
    for (let i = 0; i < 3; i++) await createCentre(runtime.services, { name: `Paged Centre ${i}`, country: "MN" });
    const page = await network().listCentres({ country: "MN", limit: 2, offset: 0 }, "en");
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items).toHaveLength(2);
    const rest = await network().listCentres({ country: "MN", limit: 2, offset: 2 }, "en");
    expect(rest.items.map((c) => c.name)).toEqual(["Paged Centre 2"]);
  });

  test("an unknown slug is not found", async () => {
    await expect(network().getCentre("no-such-centre", "en")).rejects.toMatchObject({ code: "not_found", status: 404 });
  });
});

describe("who may change what", () => {
  test("only global staff create centres", async () => {
    await expect(network().createCentre(null, centreInput(), "en")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(network().createCentre(learner(), centreInput(), "en")).rejects.toMatchObject({ code: "forbidden" });
    const other = await createCentre(runtime.services);
    await expect(network().createCentre(centreAdminOf(other.id), centreInput(), "en")).rejects.toMatchObject({ code: "forbidden" });
    const admin = actorWith({ role: "platform_admin", organisationId: null });
    await expect(network().createCentre(admin, centreInput(), "en")).resolves.toMatchObject({ kind: "national_centre" });
  });

  test("a centre admin updates their own centre and is refused another centre", async () => {
    const own = await createCentre(runtime.services);
    const other = await createCentre(runtime.services);
    const admin = centreAdminOf(own.id);
    expect(network().canManageCentre(admin, own.id)).toBe(true);
    expect(network().canManageCentre(admin, other.id)).toBe(false);
    expect(network().canManageCentre(secretariat(), other.id)).toBe(true);
    expect(network().canManageCentre(null, other.id)).toBe(false);

    const updated = await network().updateCentre(
      admin,
      own.slug,
      {
        focusAreas: ["faculty training"],
        languages: ["en", "sw"],
        establishedOn: "2024-03",
      },
      "en",
    );
    expect(updated).toMatchObject({ focusAreas: ["faculty training"], languages: ["en", "sw"], establishedOn: "2024-03" });
    await expect(network().updateCentre(admin, other.slug, { focusAreas: ["x"] }, "en")).rejects.toMatchObject({
      code: "forbidden",
      status: 403,
    });
    await expect(network().updateCentre(learner(), own.slug, { focusAreas: ["x"] }, "en")).rejects.toMatchObject({ code: "forbidden" });
    // The centre's number in the network is the secretariat's to give.
    await expect(network().updateCentre(admin, own.slug, { ordinal: 999 }, "en")).rejects.toMatchObject({ code: "forbidden" });
    expect((await network().getCentre(other.slug, "en")).focusAreas).toEqual([]);
  });

  test("the secretariat moves a centre to another country and renames it; sub-region follows", async () => {
    const centre = await createCentre(runtime.services, { country: "KE" });
    const moved = await network().updateCentre(
      secretariat(),
      centre.slug,
      {
        country: "RS",
        slug: `${centre.slug}-moved`,
        city: "Novi Sad",
      },
      "en",
    );
    expect(moved).toMatchObject({ country: "RS", subregion: "southeast-europe", slug: `${centre.slug}-moved`, city: "Novi Sad" });
    const cleared = await network().updateCentre(secretariat(), moved.slug, { city: null, establishedOn: null }, "en");
    expect(cleared).toMatchObject({ city: null, establishedOn: null });
  });

  test("a centre's team manages its members; others are refused", async () => {
    const centre = await createCentre(runtime.services);
    const other = await createCentre(runtime.services);
    const university = await createOrganisation(runtime.services);
    const staff = centreStaffOf(centre.id);

    const membership = await network().addMember(
      staff,
      centre.slug,
      {
        organisationId: university.id,
        joinedOn: "2025-01",
        agreement: "MoU",
      },
      "en",
    );
    expect(membership).toMatchObject({ organisation: { id: university.id }, joinedOn: "2025-01", agreement: "MoU" });
    const detail = await network().getCentre(centre.slug, "en");
    expect(detail.memberCount).toBe(1);
    expect(detail.members.map((m) => m.organisation.slug)).toEqual([university.slug]);

    await expect(network().addMember(staff, centre.slug, { organisationId: university.id }, "en")).rejects.toMatchObject({
      code: "conflict",
      status: 409,
    });
    await expect(network().addMember(centreAdminOf(other.id), centre.slug, { organisationId: university.id }, "en")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(network().addMember(staff, centre.slug, { organisationId: centre.id }, "en")).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(network().removeMember(learner(), centre.slug, university.slug)).rejects.toMatchObject({ code: "forbidden" });

    await network().removeMember(staff, centre.slug, university.slug);
    expect((await network().getCentre(centre.slug, "en")).members).toEqual([]);
    await expect(network().removeMember(staff, centre.slug, university.slug)).rejects.toMatchObject({ code: "not_found" });
  });

  test("a centre admin may add a university, but not other kinds of organisation", async () => {
    const centre = await createCentre(runtime.services);
    const admin = centreAdminOf(centre.id);
    await expect(network().createOrganisation(admin, organisationInput({ kind: "university" }), "en")).resolves.toMatchObject({
      kind: "university",
    });
    await expect(network().createOrganisation(admin, organisationInput({ kind: "government" }), "en")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(network().createOrganisation(learner(), organisationInput(), "en")).rejects.toMatchObject({ code: "forbidden" });
    await expect(network().createOrganisation(secretariat(), organisationInput({ kind: "national_centre" }), "en")).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  test("facilities are added and removed by the centre's team", async () => {
    const centre = await createCentre(runtime.services);
    const facility = await network().addFacility(centreAdminOf(centre.id), centre.slug, {
      name: "Smart Classroom",
      inauguratedOn: "2025-09",
      partners: ["IIOE"],
    });
    expect((await network().getCentre(centre.slug, "en")).facilities).toEqual([facility]);
    await expect(network().removeFacility(learner(), centre.slug, facility.id)).rejects.toMatchObject({ code: "forbidden" });
    await network().removeFacility(centreAdminOf(centre.id), centre.slug, facility.id);
    expect((await network().getCentre(centre.slug, "en")).facilities).toEqual([]);
  });
});

describe("conflicts and bad input change nothing", () => {
  test("duplicate name (any case), slug and ordinal are refused", async () => {
    const first = await createCentre(runtime.services, { name: "Unique Name Centre", ordinal: 501 });
    const before = await rowCounts();
    await expect(createCentre(runtime.services, { name: "UNIQUE name centre" })).rejects.toMatchObject({
      code: "duplicate_name",
      status: 409,
    });
    await expect(createCentre(runtime.services, { slug: first.slug })).rejects.toMatchObject({ code: "duplicate_slug", status: 409 });
    await expect(createCentre(runtime.services, { ordinal: 501 })).rejects.toMatchObject({ code: "conflict", status: 409 });
    await expect(createOrganisation(runtime.services, { name: "unique name centre" })).rejects.toMatchObject({ code: "duplicate_name" });
    const second = await createCentre(runtime.services);
    await expect(network().updateCentre(secretariat(), second.slug, { name: first.name }, "en")).rejects.toMatchObject({
      code: "duplicate_name",
    });
    await expect(network().updateCentre(secretariat(), second.slug, { ordinal: 501 }, "en")).rejects.toMatchObject({ code: "conflict" });
    expect(await rowCounts()).toEqual({ ...before, organisations: before.organisations + 1, centres: before.centres + 1 });
  });

  test("invalid input gives field issues and writes nothing", async () => {
    const before = await rowCounts();
    const attempts: unknown[] = [
      { ...centreInput(), unknownField: 1 },
      { ...centreInput(), country: "Kenya" },
      { ...centreInput(), country: "XX" },
      { ...centreInput(), name: 42 },
      { ...centreInput(), establishedOn: "2025-13" },
      { ...centreInput(), ordinal: -1 },
      { ...centreInput(), hostOrganisationId: crypto.randomUUID() },
      { ...centreInput(), foundingPartnerIds: [crypto.randomUUID()] },
    ];
    for (const input of attempts) {
      const error = await network()
        .createCentre(secretariat(), input, "ru")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "validation_failed", status: 400 });
      expect((error as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
    }
    const hostIssue = await network()
      .createCentre(secretariat(), { ...centreInput(), hostOrganisationId: crypto.randomUUID() }, "fr")
      .catch((e: unknown) => e);
    expect(translateError(hostIssue as DomainError, "fr")).toMatchObject({
      fields: [{ path: "hostOrganisationId", message: "Aucune organisation ne porte cet identifiant." }],
    });
    await expect(network().listCentres({ kind: "castle" } as never, "en")).rejects.toMatchObject({ code: "validation_failed" });
    await expect(network().getCentre("Bad Slug!", "en")).rejects.toMatchObject({ code: "validation_failed" });
    expect(await rowCounts()).toEqual(before);
  });

  test("a centre with members, or an organisation still referenced, is in use and not deleted", async () => {
    const host = await createOrganisation(runtime.services);
    const centre = await createCentre(runtime.services, { hostOrganisationId: host.id });
    const member = await createOrganisation(runtime.services);
    await network().addMember(secretariat(), centre.slug, { organisationId: member.id }, "en");
    const before = await rowCounts();
    await expect(network().deleteCentre(secretariat(), centre.slug)).rejects.toMatchObject({ code: "in_use", status: 409 });
    await expect(network().deleteOrganisation(secretariat(), host.slug)).rejects.toMatchObject({ code: "in_use" });
    await expect(network().deleteOrganisation(secretariat(), member.slug)).rejects.toMatchObject({ code: "in_use" });
    await expect(network().deleteCentre(centreAdminOf(centre.id), centre.slug)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rowCounts()).toEqual(before);

    await network().removeMember(secretariat(), centre.slug, member.slug);
    await network().deleteCentre(secretariat(), centre.slug);
    await network().deleteOrganisation(secretariat(), host.slug);
    await network().deleteOrganisation(secretariat(), member.slug);
    await expect(network().getCentre(centre.slug, "en")).rejects.toMatchObject({ code: "not_found" });
    expect(await rowCounts()).toEqual({
      ...before,
      organisations: before.organisations - 3,
      centres: before.centres - 1,
      memberships: 0 + before.memberships - 1,
    });
  });
});

/** On a copy of the demo database, so each test can run alone; a test that adds data takes it away again. */
describe("figures, timeline and governance on the demo network", () => {
  let demo: TestRuntime;
  beforeAll(async () => {
    demo = await createTestRuntime({ demo: true });
  });
  afterAll(async () => {
    await demo.close();
  });

  test("figures are live counts of the real network plus demo partners", async () => {
    const figures = await demo.services.network.figures();
    expect(figures).toEqual({
      centres: 9,
      nationalCentres: 8,
      trainingCentres: 1,
      countries: 9,
      partnerInstitutions: 36,
      smartClassrooms: 3,
    });
    // A new centre in a country that already has one counts at once, without a new country.
    const added = await demo.services.network.createCentre(secretariat(), centreInput({ country: "NG" }), "en");
    try {
      expect(await demo.services.network.figures()).toMatchObject({ centres: 10, nationalCentres: 9, countries: 9 });
    } finally {
      await demo.services.network.deleteCentre(secretariat(), added.slug);
    }
  });

  test("the timeline counts centres by year of establishment, leaving out unknown dates", async () => {
    const timeline = await demo.services.network.timeline("ru");
    expect(timeline.map((e) => [e.year, e.established.length, e.total])).toEqual([
      [2022, 3, 3],
      [2023, 0, 3],
      [2024, 0, 3],
      [2025, 4, 7],
    ]);
    expect(timeline.at(-1)?.established.map((e) => e.name)).toContain("Национальный центр IIOE в Кыргызстане");
  });

  test("the real centres carry their facts", async () => {
    const kg = await demo.services.network.getCentre("iioe-kyrgyzstan", "zh");
    expect(kg).toMatchObject({
      name: "IIOE吉尔吉斯斯坦国家中心",
      ordinal: 15,
      subregion: "central-asia",
      languages: ["ru", "ky"],
      establishedOn: "2025-11",
      host: { slug: "kyrgyz-national-university" },
      facilities: [{ name: "KNU Smart Classroom", inauguratedOn: "2025-09" }],
    });
    const serbia = await demo.services.network.getCentre("iioe-serbia", "en");
    expect(serbia.operator?.slug).toBe("craie");
    expect(serbia.foundingPartners.map((p) => p.kind)).toEqual(["government", "university", "enterprise"]);
    const pakistan = await demo.services.network.getCentre("iioe-pakistan", "en");
    expect(pakistan).toMatchObject({ ordinal: null, establishedOn: null });

    const governance = await demo.services.network.governance("en");
    expect(governance.map((t) => [t.year, t.role, t.holder?.slug])).toEqual([
      [2021, "rotating_presidency", "uet-lahore"],
      [2024, "rotating_presidency", "ahmadu-bello-university"],
    ]);
  });
});
