import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./client.ts";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    [
      "every address of a host refused (an AggregateError without a message)",
      Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" }),
    ],
    ["a server shutting down", withCode("57P01", "terminating connection due to administrator command")],
    ["a server starting up", withCode("57P03", "the database system is starting up")],
    ["a connection failure", withCode("08006")],
    ["too many connections", withCode("53300")],
    ["a statement timeout", withCode("57014", "canceling statement due to statement timeout")],
    ["a connection cut", new Error("Connection terminated unexpectedly")],
    ["no connection in time", new Error("timeout exceeded when trying to connect")],
    ["a frozen server", new Error("Query read timeout")],
    ["Drizzle's wrapper around one of these", new Error("Failed query: select 1", { cause: withCode("ECONNRESET") })],
  ])("%s is", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505", "duplicate key value violates unique constraint")],
    ["invalid text", withCode("22021", "invalid byte sequence for encoding UTF8: 0x00")],
    ["a syntax error", withCode("42601")],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
