import { countryGeo, type SubregionKey, subregionKeys } from "./countries.ts";

export type CountryGeo = { subregion: SubregionKey; latitude: number; longitude: number };

/** The UN sub-region and a representative position of a country, or null for an unknown code. */
export function countryGeoOf(country: string): CountryGeo | null {
  const row = countryGeo[country];
  if (!row) return null;
  const [index, latitude, longitude] = row;
  return { subregion: subregionKeys[index] as SubregionKey, latitude, longitude };
}

export function isKnownCountry(country: string): boolean {
  return country in countryGeo;
}
