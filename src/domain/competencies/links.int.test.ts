import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCourse } from "../../../tests/factories/catalogue.ts";
import { createPublishedFramework } from "../../../tests/factories/competencies.ts";
import { createEvent } from "../../../tests/factories/events.ts";
import { actorWith, centreAdminOf, centreStaffOf, createCentre, learner, secretariat } from "../../../tests/factories/network.ts";
import { createProgrammeWithCohort } from "../../../tests/factories/programmes.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { alignedItems } from "./queries.ts";

let runtime: TestRuntime;
const competencies = () => runtime.services.competencies;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

describe("crosswalks", () => {
  test("a national framework's draft maps its items to a published one (exact, related, broader, narrower); both sides see it; CASE carries it", async () => {
    const { framework: cft } = await createPublishedFramework(runtime.services, "Reference framework");
    const centre = await createCentre(runtime.services);
    const admin = centreAdminOf(centre.id);
    let national = await competencies().createFramework(
      admin,
      { ownerId: centre.id, defaultLocale: "en", title: "National example" },
      "en",
    );
    national = await competencies().addItem(admin, national.id, { kind: "competency", code: "N1", title: "Digital pedagogy" }, "en");
    national = await competencies().addItem(admin, national.id, { kind: "competency", code: "N2", title: "Policy" }, "en");
    const [n1, n2] = national.items;
    const code = (c: string) => cft.items.find((i) => i.code === c)!;

    const exact = await competencies().addCrosswalk(
      admin,
      national.id,
      { fromItemId: n1!.id, toItemId: code("2.A").id, kind: "exact" },
      "en",
    );
    expect(exact).toMatchObject({
      kind: "exact",
      from: { code: "N1", title: "Digital pedagogy" },
      to: { code: "2.A", title: "Basic knowledge" },
    });
    await competencies().addCrosswalk(admin, national.id, { fromItemId: n2!.id, toItemId: code("1").id, kind: "narrower" }, "en");
    await competencies().addCrosswalk(admin, national.id, { fromItemId: n2!.id, toItemId: code("1.A.1").id, kind: "broader" }, "en");
    await competencies().addCrosswalk(admin, national.id, { fromItemId: n2!.id, toItemId: code("1.B").id, kind: "related" }, "en");

    const view = await competencies().crosswalkView(admin, national.id, cft.id, "en");
    expect(view.rows.map((r) => [r.item.code, r.matches.map((m) => `${m.kind}:${m.item.code}`).sort()])).toEqual([
      ["N1", ["exact:2.A"]],
      ["N2", ["broader:1.A.1", "narrower:1", "related:1.B"]],
    ]);
    // From the other side, broader and narrower swap.
    const reverse = await competencies().crosswalkView(admin, cft.id, national.id, "en");
    expect(
      reverse.rows.filter((r) => r.matches.length).map((r) => [r.item.code, r.matches.map((m) => `${m.kind}:${m.item.code}`)]),
    ).toEqual([
      ["1", ["broader:N2"]],
      ["1.A.1", ["narrower:N2"]],
      ["1.B", ["related:N2"]],
      ["2.A", ["exact:N1"]],
    ]);
    const pkg = await competencies().exportCase(admin, national.id, "1.0");
    const types = pkg.CFAssociations.filter((a) => a.associationType !== "isChildOf").map(
      (a) => `${a.originNodeURI.title}|${a.associationType}|${a.destinationNodeURI.title}`,
    );
    expect(types.sort()).toEqual(
      [
        "Digital pedagogy|exactMatchOf|Basic knowledge",
        "Policy|isPartOf|Understanding policy",
        "Explains the national ICT policy|isPartOf|Policy",
        "Policy|isRelatedTo|Policy application",
      ].sort(),
    );
    // Only a draft's manager maps, and only to another published framework.
    await expect(
      competencies().addCrosswalk(
        centreStaffOf(centre.id),
        national.id,
        { fromItemId: n1!.id, toItemId: code("1").id, kind: "exact" },
        "en",
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      competencies().addCrosswalk(admin, national.id, { fromItemId: n1!.id, toItemId: n2!.id, kind: "exact" }, "en"),
    ).rejects.toMatchObject({
      fields: [{ path: "toItemId" }],
    });
    await competencies().removeCrosswalk(admin, exact.id);
    expect(
      (
        await competencies()
          .crosswalkView(null, cft.id, national.id, "en")
          .catch((e) => e)
      ).code,
    ).toBe("not_found");
    const after = await competencies().crosswalkView(admin, national.id, cft.id, "en");
    expect(after.rows[0]!.matches).toEqual([]);
  });
});

describe("alignments", () => {
  test("a course, its lesson, a programme and an event are aligned at a level by their owner's team; the framework lists where each competency is taught", async () => {
    const { framework } = await createPublishedFramework(runtime.services);
    const centre = await createCentre(runtime.services);
    const staff = centreStaffOf(centre.id);
    const course = await createCourse(runtime.services, centre.id);
    const { programme } = await createProgrammeWithCohort(runtime, centre.id);
    const event = await createEvent(runtime.services, centre.id, runtime.clock.now);
    const item = framework.items.find((i) => i.code === "2.A")!;
    const levelB = framework.levels.find((l) => l.code === "B")!;

    const a = await competencies().align(staff, { itemId: item.id, levelId: levelB.id, target: "course", targetId: course.id }, "ru");
    expect(a).toMatchObject({ itemCode: "2.A", itemTitle: "Basic knowledge", levelCode: "B", target: "course", targetId: course.id });
    // Aligning again changes the level rather than adding a second alignment.
    await competencies().align(staff, { itemId: item.id, target: "course", targetId: course.id }, "en");
    expect(await competencies().alignmentsOf("course", course.id, "en")).toMatchObject([{ itemCode: "2.A", levelCode: null }]);
    const lesson = course.syllabus[0]!.lessons[0]!;
    const indicator = framework.items.find((i) => i.code === "1.A.1")!;
    await competencies().align(staff, { itemId: indicator.id, target: "lesson", targetId: lesson.id }, "en");
    await competencies().align(staff, { itemId: item.id, target: "programme", targetId: programme.id }, "en");
    await competencies().align(staff, { itemId: item.id, levelId: levelB.id, target: "event", targetId: event.id }, "en");

    const taught = await competencies().whereTaught(null, framework.slug, "en");
    expect(taught[item.id]!.map((t) => [t.target, t.title]).sort()).toEqual(
      [
        ["course", course.title],
        ["event", event.title],
        ["programme", programme.title],
      ].sort(),
    );
    expect(taught[indicator.id]).toEqual([{ target: "course", id: course.id, slug: course.slug, title: course.title, levelCode: null }]);
    const byCourse = await alignedItems(runtime.database.db, "course", [course.id]);
    expect(byCourse.get(course.id)).toEqual([{ itemId: item.id, identifier: item.identifier, levelId: null }]);

    // Others may not align or unalign; draft items and foreign levels are refused by field.
    const other = await createCentre(runtime.services);
    for (const actor of [centreAdminOf(other.id), learner(), actorWith({ role: "author", organisationId: other.id })]) {
      await expect(competencies().align(actor, { itemId: item.id, target: "course", targetId: course.id }, "en")).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(competencies().unalign(actor, a.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    const draft = await competencies().startNewVersion(secretariat(), framework.id, "en");
    await expect(
      competencies().align(staff, { itemId: draft.items[0]!.id, target: "course", targetId: course.id }, "en"),
    ).rejects.toMatchObject({
      fields: [{ path: "itemId", messageId: "competencies.field.unpublishedItem" }],
    });
    await expect(
      competencies().align(staff, { itemId: item.id, levelId: draft.levels[0]!.id, target: "course", targetId: course.id }, "en"),
    ).rejects.toMatchObject({
      fields: [{ path: "levelId" }],
    });
    await expect(
      competencies().align(staff, { itemId: item.id, target: "course", targetId: crypto.randomUUID() }, "en"),
    ).rejects.toMatchObject({
      fields: [{ path: "targetId" }],
    });
    await competencies().unalign(centreAdminOf(centre.id), a.id);
    expect(await competencies().alignmentsOf("course", course.id, "en")).toEqual([]);
  });
});
