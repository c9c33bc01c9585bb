import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSignedInUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { translateError } from "../../i18n/error-messages.ts";

let runtime: TestRuntime;
const identity = () => runtime.services.identity;

beforeAll(async () => {
  runtime = await createTestRuntime();
});
afterAll(async () => {
  await runtime.close();
});

describe("the profile", () => {
  test("affiliation, position, country and languages are saved, trimmed, de-duplicated, and cleared by empty values", async () => {
    const actor = await createSignedInUser(runtime.services);
    const saved = await identity().updateProfile(actor, {
      affiliation: "  Kyrgyz National University ",
      position: "Lecturer",
      country: "KG",
      languages: ["ky", "ru", "ky", "en"],
    });
    expect(saved).toMatchObject({
      affiliation: "Kyrgyz National University",
      position: "Lecturer",
      country: "KG",
      languages: ["ky", "ru", "en"],
    });
    // Fields not sent stay as they are.
    expect(await identity().updateProfile(actor, { name: "Renamed" })).toMatchObject({
      name: "Renamed",
      country: "KG",
      languages: ["ky", "ru", "en"],
    });
    expect(await identity().updateProfile(actor, { affiliation: "", position: "", country: "", languages: [] })).toMatchObject({
      affiliation: null,
      position: null,
      country: null,
      languages: [],
    });
  });

  test("bad values are refused field by field, in the reader's language, and change nothing", async () => {
    const actor = await createSignedInUser(runtime.services);
    await identity().updateProfile(actor, { affiliation: "Before", country: "KE" });
    const error = await failure(
      identity().updateProfile(actor, {
        affiliation: "line\nbreak",
        position: "x".repeat(201),
        country: "XX",
        languages: ["english"],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.fields.map((f) => f.path).sort()).toEqual(["affiliation", "country", "languages.0", "position"]);
    expect(translateError(error, "ru").fields.every((f) => /[а-я]/i.test(f.message))).toBe(true);
    expect(await identity().me(actor)).toMatchObject({ affiliation: "Before", country: "KE", position: null });
  });
});
