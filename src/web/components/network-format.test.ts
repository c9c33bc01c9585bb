import { describe, expect, it } from "vitest";
import { formatPartialDate } from "./network-format.ts";

describe("formatPartialDate", () => {
  it("shows only what is known of a date", () => {
    expect(formatPartialDate("2022", "en")).toBe("2022");
    expect(formatPartialDate("2022-04", "en")).toBe("April 2022");
    expect(formatPartialDate("2022-04-25", "en")).toBe("April 25, 2022");
  });

  it("writes the date in the reader's language", () => {
    expect(formatPartialDate("2022-04", "fr")).toBe("avril 2022");
    expect(formatPartialDate("2022-04-25", "zh")).toBe("2022年4月25日");
    expect(formatPartialDate("2022-04", "ru")).toMatch(/апрель 2022/i);
  });
});
