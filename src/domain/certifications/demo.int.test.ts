import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { secretariat } from "../../../tests/factories/network.ts";
import { createTestRuntime, signInDemo, type TestRuntime } from "../../../tests/support/runtime.ts";
import type { ConditionProgressDto, ProgressNodeDto } from "./dto.ts";

let demo: TestRuntime;
const conditions = (node: ProgressNodeDto): ConditionProgressDto[] => (node.kind === "group" ? node.rules.flatMap(conditions) : [node]);

// Building the demo template seeds everything; on a busy machine that takes minutes.
beforeAll(async () => {
  demo = await createTestRuntime({ demo: true });
}, 900_000);
afterAll(async () => {
  await demo?.close();
});

describe("the demo certifications", () => {
  test("the institute's micro-certificate, aligned to ICT CFT, in all six languages", async () => {
    const c = demo.services.certifications;
    const micro = await c.getCertification(null, "digital-teaching-micro-certificate", "zh");
    expect(micro).toMatchObject({ title: "数字化教学微证书", shownLocale: "zh", example: false, validityMonths: 36 });
    expect(
      micro.languages
        .filter((l) => l.status === "ready")
        .map((l) => l.locale)
        .sort(),
    ).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect(micro.alignments).toHaveLength(3);
    const list = await c.listCertifications(null, {}, "ar");
    expect(list.map((x) => x.title)).toEqual(
      expect.arrayContaining(["شهادة مصغّرة في التدريس الرقمي", "شهادة مدرّب نمط الحياة الصحي (مثال)"]),
    );
  });

  test("the coach certification is an example; the demo learner's practicum waits for an assessor", async () => {
    const c = demo.services.certifications;
    const learner = await signInDemo(demo, "learner@orbis.example");
    const mine = await c.myProgress(learner, "healthy-lifestyle-coach-certification-example", "en");
    expect(mine.certification).toMatchObject({ example: true, owner: { name: "IIOE Singapore Training Centre" } });
    expect(conditions(mine.progress).map((p) => [p.key, p.met, p.evidence?.status ?? null])).toEqual([
      ["basics-course", true, null],
      ["coaching-practicum", false, "submitted"],
    ]);
    const queue = await c.evidenceQueue(secretariat(), "en");
    expect(queue.map((e) => [e.learner.name, e.conditionTitle])).toContainEqual(["Lena Learner (demo)", "Coaching practicum report"]);
  });
});
