/**
 * Writes public/world-land.svg: the land of world-atlas (1:110m) drawn with the projection of
 * src/web/components/map-projection.ts, so the markers the pages draw with `project()` land on the
 * right spot. Run after changing the projection or upgrading world-atlas: `npm run generate:map`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { geoEquirectangular, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { mapFrame, mapHeight, project } from "../src/web/components/map-projection.ts";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/land-110m.json"), "utf8")) as Topology<{ land: GeometryCollection }>;
const land = feature(topology, topology.objects.land);

// d3's equirectangular projection (it cuts polygons at the antimeridian), scaled to match ours.
const degrees = Math.PI / 180;
const unitsPerDegree = mapFrame.width / 360;
const projection = geoEquirectangular()
  .scale(unitsPerDegree / degrees)
  .translate([mapFrame.width / 2, mapFrame.north * unitsPerDegree])
  .clipExtent([
    [0, 0],
    [mapFrame.width, mapHeight],
  ])
  .precision(0.5);

for (const [longitude, latitude] of [
  [-180, 84],
  [0, 0],
  [74.6, 42.9],
  [151.2, -33.9],
] as const) {
  const [x, y] = projection([longitude, latitude]) ?? [Number.NaN, Number.NaN];
  const [px, py] = project(longitude, latitude);
  if (Math.abs(x - px) > 0.01 || Math.abs(y - py) > 0.01) throw new Error(`projections disagree at ${longitude},${latitude}`);
}

const d = geoPath(projection).digits(1)(land);
if (!d) throw new Error("world-atlas gave no land");
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${mapFrame.width} ${mapHeight}"><path fill="#d5dde8" d="${d}"/></svg>\n`;

const out = path.join(import.meta.dirname, "..", "public", "world-land.svg");
writeFileSync(out, svg);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${svg.length} bytes`);
