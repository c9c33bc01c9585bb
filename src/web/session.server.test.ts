import { describe, expect, it } from "vitest";
import { safeNext } from "./session.server.ts";

const site = "https://orbis.example";

/** Where a browser on our site goes when it follows this Location header. */
const destination = (location: string) => new URL(location, `${site}/en/sign-in`);

describe("safeNext", () => {
  it.each([
    ["/en/courses", "/en/courses"],
    ["/en/courses?q=ai&page=2#results", "/en/courses?q=ai&page=2#results"],
    ["/en/./courses/../events", "/en/events"],
    ["/en/courses/a%2Fb", "/en/courses/a%2Fb"],
  ])("keeps a path on this site: %s", (next, expected) => {
    expect(safeNext(next, "/en")).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/././/evil.example/x",
    "/a/..//evil.example/x",
    "/a/b/../..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/%2e//evil.example",
    "/.%2e//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/.\\/evil.example",
    "/a/..\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/ /evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("never leaves the site: %j", (next) => {
    const location = safeNext(next, "/en");
    expect(destination(location).origin).toBe(site);
    // A Location that starts with two slashes (or a backslash a browser reads as one) names a host.
    expect(location).toMatch(/^\/(?![/\\])/);
  });

  it("falls back on anything that is not a string", () => {
    expect(safeNext(null, "/fr")).toBe("/fr");
    expect(safeNext(undefined, "/fr")).toBe("/fr");
  });
});
