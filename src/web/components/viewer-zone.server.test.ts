import { describe, expect, test } from "vitest";
import { readerZone, timeZoneOptions, viewerZone } from "./viewer-zone.server.ts";

const page = "http://orbis.test/ru/events";
const request = (url: string, cookie?: string) => new Request(url, cookie ? { headers: { cookie } } : {});
const signedIn = (timeZone: string | null) => ({ secureCookies: false, actor: { timeZone } });
const anonymous = { secureCookies: false, actor: null };

describe("the reader's time zone", () => {
  test("a zone just chosen wins over the account's and the cookie's, and is remembered", () => {
    const { zone, headers, picker } = viewerZone(request(`${page}?tz=Europe/Paris`, "orbis_tz=Africa%2FAccra"), signedIn("Asia/Bishkek"));
    expect(zone).toBe("Europe/Paris");
    expect(headers.get("set-cookie")).toBe(`orbis_tz=Europe%2FParis; Path=/; Max-Age=${365 * 24 * 60 * 60}; SameSite=Lax`);
    expect(picker.offer).toBe("Europe/Paris");
  });

  test("the signed-in person's saved zone outranks the cookie, and nothing is offered", () => {
    const { zone, headers, picker } = viewerZone(request(page, "orbis_tz=Africa%2FAccra"), signedIn("Asia/Bishkek"));
    expect(zone).toBe("Asia/Bishkek");
    expect(headers.has("set-cookie")).toBe(false);
    expect(picker.offer).toBeNull();
    expect(readerZone(request(page, "orbis_tz=Africa%2FAccra"), signedIn("Asia/Bishkek"))).toBe("Asia/Bishkek");
  });

  test("without a saved zone the cookie counts, then UTC", () => {
    expect(readerZone(request(page, "a=1; orbis_tz=Africa%2FAccra"), signedIn(null))).toBe("Africa/Accra");
    expect(readerZone(request(page, "orbis_tz=Africa%2FAccra"), anonymous)).toBe("Africa/Accra");
    expect(readerZone(request(page), anonymous)).toBe("UTC");
  });

  test("choosing the zone already saved offers nothing; anonymous readers are never offered to keep one", () => {
    expect(viewerZone(request(`${page}?tz=asia/bishkek`), signedIn("Asia/Bishkek")).picker.offer).toBeNull();
    expect(viewerZone(request(`${page}?tz=Asia/Bishkek`), anonymous).picker.offer).toBeNull();
    expect(viewerZone(request(`${page}?tz=Asia/Bishkek`), signedIn(null)).picker.offer).toBe("Asia/Bishkek");
  });

  test("made-up zones in the query or the cookie are ignored, and set no cookie", () => {
    const { zone, headers } = viewerZone(request(`${page}?tz=Mars/Olympus`, "orbis_tz=%E0%A4%A"), anonymous);
    expect(zone).toBe("UTC");
    expect(headers.has("set-cookie")).toBe(false);
    expect(readerZone(request(`${page}?tz=%2B06:00`), signedIn("Asia/Bishkek"))).toBe("Asia/Bishkek");
  });

  test("a secure site marks the cookie Secure", () => {
    const { headers } = viewerZone(request(`${page}?tz=UTC`), { secureCookies: true, actor: null });
    expect(headers.get("set-cookie")).toMatch(/; Secure$/);
  });
});

describe("time-zone options", () => {
  test("UTC first, then by name, each with its offset at the given moment", () => {
    const winter = timeZoneOptions(new Date("2026-01-15T12:00:00Z"));
    const summer = timeZoneOptions(new Date("2026-07-15T12:00:00Z"));
    expect(winter[0]).toEqual({ value: "UTC", label: "UTC (UTC+00:00)" });
    const names = winter.slice(1).map((o) => o.value);
    expect(names).toEqual([...names].sort());
    const label = (options: typeof winter, zone: string) => options.find((o) => o.value === zone)?.label;
    expect(label(winter, "Asia/Bishkek")).toBe("Asia/Bishkek (UTC+06:00)");
    expect(label(winter, "America/St_Johns")).toBe("America/St_Johns (UTC-03:30)");
    expect(label(summer, "America/St_Johns")).toBe("America/St_Johns (UTC-02:30)");
    expect(label(summer, "Europe/Paris")).toBe("Europe/Paris (UTC+02:00)");
  });
});
