import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { locales } from "./locales.ts";
import { catalogues } from "./messages/index.ts";

type Ast = ReturnType<IntlMessageFormat["getAst"]>;
type Messages = Record<string, string>;

const messagesDir = path.join(import.meta.dirname, "messages");
// Every folder is a namespace, so one that was never added to index.ts is still checked.
const namespaces = fs
  .readdirSync(messagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function load(namespace: string, locale: string): Promise<Messages> {
  const file = path.join(messagesDir, namespace, `${locale}.ts`);
  if (!fs.existsSync(file)) return {};
  return ((await import(file)) as { default: Messages }).default;
}

/** The names of the values a message expects: {name}, {n, plural, ...}, <tag>...</tag>. */
function argumentNames(ast: Ast, into = new Set<string>()): Set<string> {
  for (const element of ast) {
    // Literals hold text in `value` and `#` holds nothing; every other element names an argument.
    if ("value" in element && element.type !== 0) into.add(String(element.value));
    if ("options" in element) for (const option of Object.values(element.options)) argumentNames(option.value, into);
    if ("children" in element) argumentNames(element.children, into);
  }
  return into;
}

function parse(message: string, locale: string): Ast {
  return new IntlMessageFormat(message, locale).getAst();
}

describe("message catalogues", () => {
  it("finds the namespaces", () => {
    expect(namespaces).toEqual(expect.arrayContaining(["common", "errors"]));
  });

  describe.each(namespaces)("namespace %s", async (namespace) => {
    const english = await load(namespace, "en");
    const englishArguments = new Map(Object.entries(english).map(([id, message]) => [id, argumentNames(parse(message, "en"))]));

    it("has English messages, none of them also defined by another namespace", async () => {
      expect(Object.keys(english).length).toBeGreaterThan(0);
      for (const other of namespaces.filter((name) => name !== namespace)) {
        const others = await load(other, "en");
        // The namespaces are merged into one object, where a shared id would silently win or lose.
        expect(
          Object.keys(english).filter((id) => id in others),
          `ids also in ${other}`,
        ).toEqual([]);
      }
    });

    it.each(locales)("%s has exactly the English keys", async (locale) => {
      const messages = await load(namespace, locale);
      const missing = Object.keys(english).filter((id) => !(id in messages));
      const extra = Object.keys(messages).filter((id) => !(id in english));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it.each(locales)("%s messages are non-empty ICU with the English arguments", async (locale) => {
      const messages = await load(namespace, locale);
      for (const [id, message] of Object.entries(messages)) {
        expect(message.trim(), `${locale} ${id} is empty`).not.toBe("");
        let names: Set<string>;
        try {
          names = argumentNames(parse(message, locale));
        } catch (error) {
          throw new Error(`${locale} ${id} is not valid ICU: ${(error as Error).message}`);
        }
        expect([...names].sort(), `${locale} ${id} arguments`).toEqual([...(englishArguments.get(id) ?? [])].sort());
      }
    });

    it.each(locales)("is merged into the %s catalogue in messages/index.ts", async (locale) => {
      const messages = await load(namespace, locale);
      const merged: Messages = catalogues[locale];
      for (const [id, message] of Object.entries(messages)) expect(merged[id], `${locale} ${id}`).toBe(message);
    });
  });
});

describe("argumentNames", () => {
  it("collects plain, plural, select and tag arguments, nested ones too", () => {
    const ast = parse(
      "{name} has {count, plural, one {# centre in {country}} other {# centres}} <b>{role, select, a {A} other {B}}</b>",
      "en",
    );
    expect([...argumentNames(ast)].sort()).toEqual(["b", "count", "country", "name", "role"]);
  });
});
