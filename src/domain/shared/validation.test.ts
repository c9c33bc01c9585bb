import { describe, expect, test } from "vitest";
import { z } from "zod";
import { translateError } from "../../i18n/error-messages.ts";
import { DomainError } from "./errors.ts";
import { slugSchema } from "./slugs.ts";
import { parseInput } from "./validation.ts";

/** The field messages parseInput gives for an input, by field path, as a reader of that language sees them. */
function messages(schema: z.ZodType, input: unknown, locale: "en" | "ru" | "ar" | "zh" = "en"): Record<string, string> {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return Object.fromEntries(translateError(error, locale).fields.map((f) => [f.path, f.message]));
  }
  throw new Error("expected the input to be refused");
}

const form = z
  .object({
    name: z.string().trim().min(2).max(10),
    title: z.string().min(1),
    email: z.email(),
    website: z.url(),
    hours: z.number().int().min(1).max(2000),
    kind: z.enum(["a", "b"]),
    tags: z.array(z.string()).max(2),
    slug: slugSchema,
  })
  .strict();

describe("field messages", () => {
  test("say what to do in plain words, in the reader's language", () => {
    const input = { name: "x", title: "", email: "nope", website: "example", hours: 0, kind: "c", tags: ["1", "2", "3"], slug: "Bad Slug" };
    expect(messages(form, input)).toEqual({
      name: "Use at least 2 characters.",
      title: "Fill this in.",
      email: "Enter an email address such as name@example.org.",
      website: "Enter a full web address starting with https://.",
      hours: "Use 1 or more.",
      kind: "Choose one of the options.",
      tags: "Keep at most 2 items.",
      slug: "Use lowercase letters, digits and single hyphens.",
    });
    const russian = messages(form, { ...input, name: "x".repeat(11) }, "ru");
    expect(russian.name).toBe("Не больше 10 символов.");
    expect(russian.title).toBe("Заполните это поле.");
    expect(messages(form, input, "ar").kind).toBe("اختر أحد الخيارات.");
    expect(messages(form, input, "zh").email).toBe("请输入电子邮箱地址，例如 name@example.org。");
  });

  test("name a missing field as required and an unexpected one as such", () => {
    const found = messages(form, { extra: 1 });
    expect(found.name).toBe("Fill this in.");
    expect(found.hours).toBe("Fill this in.");
    expect(found[""]).toBe("This field is not expected here.");
    expect(messages(form, { hours: "many" }).hours).toBe("Use a number.");
  });
});
