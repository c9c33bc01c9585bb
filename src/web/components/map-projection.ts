/**
 * The one projection of the world map, shared by scripts/generate-map.ts (which draws the land
 * into public/world-land.svg) and the pages (which place centre markers on top of that image).
 * Plate carrée: cheap enough to run in a loader, so no map library reaches the browser.
 * Latitudes outside [south, north] are cut: Antarctica and the far Arctic have no centres.
 */
export const mapFrame = { width: 1000, north: 84, south: -58 } as const;

const unitsPerDegree = mapFrame.width / 360;
export const mapHeight = Math.round((mapFrame.north - mapFrame.south) * unitsPerDegree);

/** [x, y] in the map's viewBox for a longitude and latitude in degrees. */
export function project(longitude: number, latitude: number): [number, number] {
  const clamped = Math.min(mapFrame.north, Math.max(mapFrame.south, latitude));
  return [(longitude + 180) * unitsPerDegree, (mapFrame.north - clamped) * unitsPerDegree];
}
