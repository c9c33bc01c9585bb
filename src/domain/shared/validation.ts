import { z } from "zod";
import { type MessageId, messageIds } from "../../i18n/messages/index.ts";
import { DomainError, type FieldIssue, type MessageParams } from "./errors.ts";
import { displayName, textIssue } from "./text.ts";

type Issue = z.core.$ZodIssue;
type Described = { messageId: MessageId; params?: MessageParams };

/** Plain words for the rules every form shares; null leaves the issue to Zod's own (translated) message. */
function plainMessage(issue: Issue): Described | null {
  const bound = (value: unknown) => Number(value);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return { messageId: "input.required" };
      return issue.expected === "number" || issue.expected === "int" ? { messageId: "input.number" } : null;
    case "too_small":
      if (issue.origin === "string")
        return bound(issue.minimum) <= 1
          ? { messageId: "input.required" }
          : { messageId: "input.tooShort", params: { minimum: bound(issue.minimum) } };
      if (issue.origin === "number" || issue.origin === "int")
        return { messageId: "input.tooSmall", params: { minimum: bound(issue.minimum) } };
      if (issue.origin === "array" || issue.origin === "set")
        return { messageId: "input.tooFew", params: { minimum: bound(issue.minimum) } };
      return null;
    case "too_big":
      if (issue.origin === "string") return { messageId: "input.tooLong", params: { maximum: bound(issue.maximum) } };
      if (issue.origin === "number" || issue.origin === "int")
        return { messageId: "input.tooBig", params: { maximum: bound(issue.maximum) } };
      if (issue.origin === "array" || issue.origin === "set")
        return { messageId: "input.tooMany", params: { maximum: bound(issue.maximum) } };
      return null;
    case "invalid_format":
      if (issue.format === "email") return { messageId: "input.email" };
      if (issue.format === "url") return { messageId: "input.url" };
      if (issue.format === "uuid" || issue.format === "guid") return { messageId: "input.choice" };
      if (issue.format === "date" || issue.format === "datetime") return { messageId: "input.date" };
      return null;
    case "invalid_value":
      return { messageId: "input.choice" };
    case "unrecognized_keys":
      return { messageId: "input.unknownField" };
    default:
      return null;
  }
}

/** A schema's own message is a message id (`validation.*`, `network.field.*`...); Zod's defaults are not. */
const isMessageId = (text: string): text is MessageId => messageIds.has(text);

/**
 * Zod's issues as field issues that name a message rather than carry text: a schema's own
 * message id wins, then our wording of the common rules, else Zod's issue is kept for Zod's
 * translation of it (src/i18n/error-messages.ts).
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (isMessageId(issue.message)) {
      // A refinement may name its message's parameters (`refine(check, { message, params })`).
      const params = issue.code === "custom" ? (issue.params as MessageParams | undefined) : undefined;
      return { path, code: issue.code, messageId: issue.message, ...(params ? { params } : {}) };
    }
    const plain = plainMessage(issue);
    if (plain) return { path, code: issue.code, ...plain };
    return { path, code: issue.code, messageId: "input.invalid", detail: issue };
  });
}

/** Validates input at a service boundary; failures become a 400 DomainError with field issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // One line unless the field says otherwise, for every input of every use case (text.ts).
  const text = textIssue(schema, input);
  // The input stays on each issue (Zod leaves it out by default): "required" is an absent input.
  const result = schema.safeParse(input, { reportInput: true });
  // Every field's problem at once, the text rule's first where it found one.
  const issues = [
    ...(text ? [text] : []),
    ...(result.success ? [] : toFieldIssues(result.error).filter((issue) => issue.path !== text?.path)),
  ];
  if (issues.length || !result.success) throw new DomainError("validation_failed", 400, {}, issues);
  return result.data;
}

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "validation.countryCode");

/** A person's email address, kept in lower case: addresses are matched without regard to case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** A person's name as they write it. */
export const nameSchema = displayName(z.string().trim().min(1).max(120));

/** ISO 639-1 or -3 language code of content ("en", "ru", "sr", "kky"). */
export const contentLocaleSchema = z.string().regex(/^[a-z]{2,3}$/, "validation.languageCode");
