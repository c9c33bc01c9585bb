import { describe, expect, it } from "vitest";
import { mapFrame, mapHeight, project } from "./map-projection.ts";

describe("project", () => {
  it("puts the map's corners and the origin where the generated land image has them", () => {
    expect(project(-180, mapFrame.north)).toEqual([0, 0]);
    expect(project(180, mapFrame.south)).toEqual([mapFrame.width, expect.closeTo(mapHeight, 0)]);
    expect(project(0, 0)[0]).toBe(mapFrame.width / 2);
  });

  it("keeps places beyond the cut latitudes on the edge of the map", () => {
    expect(project(0, 89)[1]).toBe(0);
    expect(project(0, -80)[1]).toBe(project(0, mapFrame.south)[1]);
  });

  it("places Bishkek east and north of Accra", () => {
    const [bishkekX, bishkekY] = project(74.6, 42.9);
    const [accraX, accraY] = project(-0.2, 5.6);
    expect(bishkekX).toBeGreaterThan(accraX);
    expect(bishkekY).toBeLessThan(accraY);
  });
});
