/**
 * Registering "for" an organisation (issue 10, item 14): anyone may name an institution, but it
 * counts in the institution's report only once its administrators confirm the person belongs to it,
 * or when the person holds a role there. And an institution's administrators keep its details
 * but not its kind or its names.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEvent } from "../../../tests/factories/events.ts";
import { actorWith, createCentre, createOrganisation, learner, secretariat } from "../../../tests/factories/network.ts";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { Actor } from "../shared/actor.ts";

let runtime: TestRuntime;
let savannah: { id: string; slug: string };
let lakeside: { id: string; slug: string };
let savannahAdmin: Actor;
let lakesideAdmin: Actor;
let centreId: string;

beforeAll(async () => {
  runtime = await createTestRuntime();
  const { services } = runtime;
  centreId = (await createCentre(services)).id;
  savannah = await createOrganisation(services, { name: "Savannah Affiliation University" });
  lakeside = await createOrganisation(services, { name: "Lakeside Affiliation University" });
  savannahAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
  lakesideAdmin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: lakeside.id }] });
});
afterAll(async () => {
  await runtime?.close();
});

const reportTotals = async () =>
  (await runtime.services.programmes.institutionReport(savannahAdmin, savannah.slug, {}, "en")).totals.eventRegistrations;
const pending = (actor: Actor = savannahAdmin) => runtime.services.events.pendingAffiliations(actor, savannah.slug, "en");

describe("registrations in an organisation's name", () => {
  test("wait for the organisation, count once confirmed, and a declined one keeps the place but not the count", async () => {
    const { events } = runtime.services;
    const event = await createEvent(runtime.services, centreId, runtime.clock.now);
    const before = await reportTotals();
    const mallory = await createSignedInUser(runtime.services, { name: "Mallory Stranger" });
    const ama = await createSignedInUser(runtime.services, { name: "Ama Lecturer" });
    const malloryPlace = await events.register(mallory, event.id, { organisationId: savannah.id });
    const amaPlace = await events.register(ama, event.id, { organisationId: savannah.id });
    expect(malloryPlace.status).toBe("registered");
    expect(await reportTotals()).toBe(before);
    expect((await pending()).map((p) => [p.name, p.event.slug])).toEqual([
      ["Mallory Stranger", event.slug],
      ["Ama Lecturer", event.slug],
    ]);

    await events.decideAffiliation(savannahAdmin, amaPlace.id, { decision: "confirmed" });
    await events.decideAffiliation(savannahAdmin, malloryPlace.id, { decision: "declined" });
    expect(await reportTotals()).toBe(before + 1);
    expect(await pending()).toEqual([]);
    const people = (await runtime.services.programmes.institutionReport(savannahAdmin, savannah.slug, {}, "en")).people.map((p) => p.name);
    expect(people).toContain("Ama Lecturer");
    expect(people).not.toContain("Mallory Stranger");
    // Declining says nothing about the event: Mallory keeps her place.
    expect((await events.getEvent(event.slug, "en", mallory)).myRegistration?.status).toBe("registered");
  });

  test("a person holding a role at the organisation is confirmed at once, named or not", async () => {
    const event = await createEvent(runtime.services, centreId, runtime.clock.now);
    const before = await reportTotals();
    const staff = await createSignedInUser(runtime.services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
    await runtime.services.events.register(staff, event.id, {});
    const named = await createSignedInUser(runtime.services, { roles: [{ role: "institution_admin", organisationId: savannah.id }] });
    await runtime.services.events.register(named, event.id, { organisationId: savannah.id });
    expect(await reportTotals()).toBe(before + 2);
    expect(await pending()).toEqual([]);
  });

  test("only that organisation's administrators and the secretariat see and decide; others learn nothing", async () => {
    const event = await createEvent(runtime.services, centreId, runtime.clock.now);
    const person = await createSignedInUser(runtime.services, { name: "Kofi Pending" });
    const place = await runtime.services.events.register(person, event.id, { organisationId: savannah.id });
    expect((await failure(pending(lakesideAdmin))).status).toBe(403);
    expect((await failure(pending(learner()))).status).toBe(403);
    expect((await failure(pending(actorWith({ role: "centre_admin", organisationId: centreId })))).status).toBe(403);
    for (const actor of [lakesideAdmin, person, learner()]) {
      const refused = await failure(runtime.services.events.decideAffiliation(actor, place.id, { decision: "confirmed" }));
      expect(refused.status).toBe(404);
    }
    expect((await failure(runtime.services.events.decideAffiliation(null, place.id, { decision: "confirmed" }))).status).toBe(401);
    const bad = await failure(runtime.services.events.decideAffiliation(savannahAdmin, place.id, { decision: "maybe" }));
    expect(bad.status).toBe(400);
    expect((await pending()).map((p) => p.name)).toEqual(["Kofi Pending"]);
    expect((await pending(secretariat())).map((p) => p.name)).toEqual(["Kofi Pending"]);
    await runtime.services.events.decideAffiliation(secretariat(), place.id, { decision: "confirmed" });
    expect(await pending()).toEqual([]);
  });

  test("registering again after cancelling asks the organisation again", async () => {
    const { events } = runtime.services;
    const event = await createEvent(runtime.services, centreId, runtime.clock.now);
    const person = await createSignedInUser(runtime.services, { name: "Esi Again" });
    const first = await events.register(person, event.id, { organisationId: savannah.id });
    await events.decideAffiliation(savannahAdmin, first.id, { decision: "declined" });
    await events.cancelRegistration(person, event.id);
    await events.register(person, event.id, { organisationId: savannah.id });
    expect((await pending()).map((p) => p.name)).toEqual(["Esi Again"]);
  });
});

describe("an institution's administrators keep its details, not what the registry says it is", () => {
  test("kind, names and address are refused to them and left unchanged; the city is theirs; the secretariat may rename", async () => {
    const { network } = runtime.services;
    for (const patch of [
      { kind: "institute" },
      { name: "Renamed University" },
      { names: { fr: "Université renommée" } },
      { slug: "renamed" },
    ]) {
      expect((await failure(network.updateOrganisation(savannahAdmin, savannah.slug, patch, "en"))).status).toBe(403);
    }
    const current = await network.getOrganisation(savannah.slug, "en");
    expect(current).toMatchObject({ kind: "university", name: "Savannah Affiliation University", names: {} });
    // Sending the same kind and name back (a whole form) is no change.
    const updated = await network.updateOrganisation(
      savannahAdmin,
      savannah.slug,
      { kind: "university", name: current.name, city: "Tamale" },
      "en",
    );
    expect(updated.city).toBe("Tamale");
    const renamed = await network.updateOrganisation(secretariat(), savannah.slug, { names: { fr: "Université de la Savane" } }, "en");
    expect(renamed.names).toEqual({ fr: "Université de la Savane" });
  });
});
